# Fixtures for IAM032: trust policies that let any AWS principal assume the role.

# example: noncompliant
resource "aws_iam_role" "anyone_encoded" {
  name = "anyone-encoded"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: IAM032
      Principal = { AWS = "*" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role" "anyone_list" {
  name = "anyone-list"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = {
        # expect: IAM032
        AWS = ["*"]
      }
      Action = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role" "anyone_document" {
  name               = "anyone-document"
  assume_role_policy = data.aws_iam_policy_document.anyone.json
}

data "aws_iam_policy_document" "anyone" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type = "AWS"
      # expect: IAM032
      identifiers = ["*"]
    }
  }
  # The organization condition pins the callers.
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type = "AWS"
      # ok: IAM032
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_iam_role" "not_anyone" {
  name = "not-anyone"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Deny"
        # ok: IAM032
        Principal = { AWS = "*" }
        Action    = "sts:AssumeRole"
      },
      {
        Effect = "Allow"
        # ok: IAM032
        Principal = { Service = "ec2.amazonaws.com" }
        Action    = "sts:AssumeRole"
      },
      {
        Effect = "Allow"
        # The external ID is not a secret: it does not close a role open to everyone.
        # expect: IAM032
        Principal = "*"
        Action    = "sts:AssumeRole"
        Condition = { StringEquals = { "sts:ExternalId" = "a1b2c3" } }
      },
    ]
  })
}
