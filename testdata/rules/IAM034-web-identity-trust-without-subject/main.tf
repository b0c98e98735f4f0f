# Fixtures for IAM034: roles trusted by an OIDC provider without a condition on the subject.

variable "oidc_provider_arn" {
  type = string
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "audience_only" {
  name               = "audience-only"
  assume_role_policy = data.aws_iam_policy_document.audience_only.json
}

# example: noncompliant
data "aws_iam_policy_document" "audience_only" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type = "Federated"
      # expect: IAM034
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "one_repository" {
  name               = "one-repository"
  assume_role_policy = data.aws_iam_policy_document.one_repository.json
}

# example: compliant
data "aws_iam_policy_document" "one_repository" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type = "Federated"
      # ok: IAM034
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:my-org/my-repo:*"]
    }
  }
}

resource "aws_iam_role" "encoded" {
  name = "encoded"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        # Every repository of GitHub.
        # expect: IAM034
        Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = { StringLike = { "token.actions.githubusercontent.com:sub" = "repo:*" } }
      },
      {
        Effect = "Allow"
        # ok: IAM034
        Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = { StringEquals = { "token.actions.githubusercontent.com:sub" = "repo:my-org/my-repo:ref:refs/heads/main" } }
      },
      {
        Effect = "Allow"
        # A provider from a variable, with no condition at all: any token it signs.
        # expect: IAM034
        Principal = { Federated = var.oidc_provider_arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
      },
      {
        Effect = "Deny"
        # ok: IAM034
        Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
        Action    = "sts:AssumeRoleWithWebIdentity"
      },
    ]
  })
}
