# Fixtures for IAM033: trust policies that trust a whole account without external ID or MFA.

data "aws_caller_identity" "current" {}

# example: noncompliant
resource "aws_iam_role" "vendor" {
  name = "vendor"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        # expect: IAM033
        Principal = { AWS = "arn:aws:iam::210987654321:root" }
        Action    = "sts:AssumeRole"
      },
      {
        Effect = "Allow"
        # ok: IAM033
        Principal = { AWS = "arn:aws:iam::210987654321:root" }
        Action    = "sts:AssumeRole"
        Condition = { StringEquals = { "sts:ExternalId" = "d1f0a5c6" } }
      },
      {
        Effect = "Allow"
        # A role of the other account is specific.
        # ok: IAM033
        Principal = { AWS = "arn:aws:iam::210987654321:role/deployer" }
        Action    = "sts:AssumeRole"
      },
      {
        Effect = "Deny"
        # ok: IAM033
        Principal = { AWS = "arn:aws:iam::210987654321:root" }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role" "people" {
  name               = "people"
  assume_role_policy = data.aws_iam_policy_document.people.json
}

data "aws_iam_policy_document" "people" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type = "AWS"
      # ok: IAM033
      identifiers = ["arn:aws-us-gov:iam::210987654321:root"]
    }
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type = "AWS"
      # BoolIfExists lets long-term keys without MFA through.
      # expect: IAM033
      identifiers = ["arn:aws-cn:iam::210987654321:root"]
    }
    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type = "AWS"
      # The account of the deployment, computed: not known, not reported.
      # ok: IAM033
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

# example: compliant
resource "aws_iam_role" "vendor_with_external_id" {
  name = "vendor-with-external-id"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = "sts:AssumeRole"
      Principal = {
        # ok: IAM033
        AWS = "arn:aws:iam::210987654321:root"
      }
      Condition = { StringEquals = { "sts:ExternalId" = "d1f0a5c6-5e0e-4f4b-9a53-2f3c5b1e7d42" } }
    }]
  })
}
