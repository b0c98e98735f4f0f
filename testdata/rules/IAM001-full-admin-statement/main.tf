# Fixtures for IAM001: an Allow of every action on every resource, in Terraform policy forms.

# expect: IAM014
resource "aws_iam_role" "ops" {
  name               = "ops"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "encoded" {
  role = aws_iam_role.ops.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        # expect: IAM001
        Action   = "*"
        Resource = "*"
      },
      {
        Effect = "Allow"
        # ok: IAM001
        # expect: IAM044
        Action   = "s3:GetObject"
        Resource = "*"
      },
      {
        # A Deny with a condition cancels the Allow only sometimes: the Allow stays reported.
        Effect = "Deny"
        # ok: IAM001
        Action    = "*"
        Resource  = "*"
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } }
      },
    ]
  })
}

data "aws_iam_policy_document" "admin" {
  statement {
    sid = "Everything"
    # expect: IAM001
    actions   = ["*:*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "from_document" {
  name   = "admin"
  policy = data.aws_iam_policy_document.admin.json
}

variable "actions" {
  type    = list(string)
  default = ["*"]
}

variable "unknown_actions" {
  type = list(string)
}

locals {
  everything = "*"
}

resource "aws_iam_group_policy" "through_variables" {
  group = "ops"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: IAM001
      Action   = var.actions
      Resource = local.everything
    }]
  })
}

resource "aws_iam_group_policy" "unknown_is_not_a_guess" {
  group = "ops"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM001
      Action   = var.unknown_actions
      Resource = "*"
    }]
  })
}

resource "aws_iam_policy" "scoped" {
  name = "scoped"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM001
      # expect: IAM002
      Action   = "*"
      Resource = "arn:aws:s3:::reports/*"
    }]
  })
}

# example: compliant
resource "aws_iam_policy" "read_reports" {
  name = "read-reports"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM001
      Action   = ["s3:GetObject", "s3:ListBucket"]
      Resource = ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]
    }]
  })
}
