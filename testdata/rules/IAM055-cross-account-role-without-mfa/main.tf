# Fixtures for IAM055: roles that another account's people assume without MFA.

resource "aws_iam_role" "admin_from_ops" {
  name = "admin-from-ops"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = "sts:AssumeRole"
      Principal = {
        # The whole account with nothing narrowing it is IAM033's finding, which names the missing MFA.
        # ok: IAM055
        # expect: IAM033
        AWS = "arn:aws:iam::111122223333:root"
      }
    }]
  })
}

# example: compliant
resource "aws_iam_role" "admin_with_mfa" {
  name = "admin-with-mfa"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = "sts:AssumeRole"
      Principal = {
        # ok: IAM055
        AWS = "arn:aws:iam::111122223333:root"
      }
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}

# example: noncompliant
data "aws_iam_policy_document" "vendor" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type = "AWS"
      # ok: IAM055
      identifiers = ["444455556666"]
    }
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = ["vendor-id-1"]
    }
  }
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type = "AWS"
      # expect: IAM055
      identifiers = ["arn:aws:iam::777788889999:user/jane"]
    }
  }
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type = "Service"
      # ok: IAM055
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "vendor" {
  name               = "vendor"
  assume_role_policy = data.aws_iam_policy_document.vendor.json
}
