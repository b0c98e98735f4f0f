# Fixtures for IAM041: permissions-management actions on every resource. Write actions alone are IAM006's.

# example: noncompliant
resource "aws_iam_policy" "policy_admin" {
  name = "policy-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: IAM041 severity=high "iam:PutRolePolicy"
      Action   = ["iam:PutRolePolicy", "sqs:SendMessage"]
      Resource = "*"
    }]
  })
}

# A condition limits when, not what: still reported.
resource "aws_iam_policy" "key_admin" {
  name = "key-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: IAM041 "a condition limits when, not what"
      Action    = "kms:PutKeyPolicy"
      Resource  = "*"
      Condition = { StringEquals = { "aws:RequestedRegion" = "eu-west-1" } }
    }]
  })
}

# Write actions only: IAM006's finding, not this rule's.
resource "aws_iam_policy" "sender" {
  name = "sender"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM041
      # expect: IAM006
      Action   = "sqs:SendMessage"
      Resource = "*"
    }]
  })
}

# example: compliant
resource "aws_iam_policy" "app_policies" {
  name = "app-policies"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM041
      Action   = "iam:PutRolePolicy"
      Resource = "arn:aws:iam::123456789012:role/app-*"
    }]
  })
}

# A condition that can never hold grants nothing: tokens issued before a past date, a key tested
# both true and false.
resource "aws_iam_policy" "expired" {
  name = "expired"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM041
      Action    = "iam:CreatePolicyVersion"
      Resource  = "*"
      Condition = { DateLessThan = { "aws:TokenIssueTime" = "2020-01-01T00:00:00Z" } }
    }]
  })
}

resource "aws_iam_policy" "contradiction" {
  name = "contradiction"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      # ok: IAM041
      Action   = "iam:PutRolePolicy"
      Resource = "*"
      Condition = {
        Bool = { "aws:SecureTransport" = "true" }
        Null = { "aws:SecureTransport" = "true" }
      }
    }]
  })
}

# A time limit still ahead narrows when, not what: reported.
resource "aws_iam_policy" "until_later" {
  name = "until-later"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: IAM041 "a condition limits when, not what"
      Action    = "iam:CreatePolicyVersion"
      Resource  = "*"
      Condition = { DateLessThan = { "aws:CurrentTime" = "2999-01-01T00:00:00Z" } }
    }]
  })
}
