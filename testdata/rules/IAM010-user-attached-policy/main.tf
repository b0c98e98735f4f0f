# Fixtures for IAM010: policies attached straight to users rather than groups or roles.

resource "aws_iam_user" "deploy" {
  name = "deploy"
}

resource "aws_iam_group" "deployers" {
  name = "deployers"
}

resource "aws_iam_policy" "deploy" {
  name = "deploy"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::artifacts/*" }]
  })
}

resource "aws_iam_user_policy" "inline" {
  name = "inline"
  # expect: IAM010
  user = aws_iam_user.deploy.name
  policy = jsonencode({
    Version   = "2012-10-17"
    # expect: IAM006
    Statement = [{ Effect = "Allow", Action = "sqs:SendMessage", Resource = "*" }]
  })
}

# example: noncompliant
resource "aws_iam_user_policy_attachment" "managed" {
  # expect: IAM010
  user       = "deploy"
  policy_arn = aws_iam_policy.deploy.arn
}

variable "user_name" {
  type = string
}

# The resource type makes it a user policy, even when the user's name is not known.
resource "aws_iam_user_policy_attachment" "unknown_user" {
  # expect: IAM010
  user       = var.user_name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  # expect: IAM010
  users      = [aws_iam_user.deploy.name]
  groups     = [aws_iam_group.deployers.name]
  policy_arn = aws_iam_policy.deploy.arn
}

variable "maybe_users" {
  type = list(string)
}

resource "aws_iam_policy_attachment" "unresolved_list" {
  name       = "unresolved"
  # ok: IAM010
  users      = var.maybe_users
  policy_arn = aws_iam_policy.deploy.arn
}

resource "aws_iam_policy_attachment" "groups_only" {
  name = "groups-only"
  # ok: IAM010
  groups     = [aws_iam_group.deployers.name]
  users      = []
  policy_arn = aws_iam_policy.deploy.arn
}

# example: compliant
resource "aws_iam_group_policy_attachment" "deployers" {
  # ok: IAM010
  group      = aws_iam_group.deployers.name
  policy_arn = aws_iam_policy.deploy.arn
}

resource "aws_iam_user_group_membership" "deploy" {
  # ok: IAM010
  user   = aws_iam_user.deploy.name
  groups = [aws_iam_group.deployers.name]
}

# A policy that allows nothing grants nothing to manage: one that only denies, one whose Allow a
# Deny of the same document cancels, one whose Allow holds only for tokens issued before a past
# date.
resource "aws_iam_policy" "deny_only" {
  name = "deny-only"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_user_policy_attachment" "deny_only" {
  # ok: IAM010
  user       = aws_iam_user.deploy.name
  policy_arn = aws_iam_policy.deny_only.arn
}

resource "aws_iam_policy" "allow_denied" {
  name = "allow-denied"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:*", Resource = "*" },
      { Effect = "Deny", Action = "iam:*", Resource = "*" },
    ]
  })
}

resource "aws_iam_policy_attachment" "allow_denied" {
  name       = "allow-denied"
  # ok: IAM010
  users      = [aws_iam_user.deploy.name]
  policy_arn = aws_iam_policy.allow_denied.arn
}

resource "aws_iam_user_policy" "expired" {
  name = "expired"
  # ok: IAM010
  user = aws_iam_user.deploy.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "iam:CreatePolicyVersion"
      Resource  = "*"
      Condition = { DateLessThan = { "aws:TokenIssueTime" = "2020-01-01T00:00:00Z" } }
    }]
  })
}

# A Deny that cancels only part of the Allow leaves a grant.
resource "aws_iam_policy" "partly_denied" {
  name = "partly-denied"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::artifacts/*" },
      { Effect = "Deny", Action = "s3:GetObject", Resource = "arn:aws:s3:::artifacts/secret/*" },
    ]
  })
}

resource "aws_iam_user_policy_attachment" "partly_denied" {
  # expect: IAM010
  user       = aws_iam_user.deploy.name
  policy_arn = aws_iam_policy.partly_denied.arn
}

# A Deny under a condition cancels nothing for certain.
resource "aws_iam_user_policy" "conditional_deny" {
  name = "conditional-deny"
  # expect: IAM010
  user = aws_iam_user.deploy.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::artifacts/*" },
      {
        Effect    = "Deny", Action = "s3:GetObject", Resource = "*"
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } }
      },
    ]
  })
}

# An AWS-managed policy that only denies is not held by the scan: what it grants is not known here.
resource "aws_iam_user_policy_attachment" "aws_deny_all" {
  # expect: IAM010
  user       = aws_iam_user.deploy.name
  policy_arn = "arn:aws:iam::aws:policy/AWSDenyAll"
}

# A policy without statements is not a guard: it is still a policy written for one user.
resource "aws_iam_user_policy" "empty" {
  name = "empty"
  # expect: IAM010 "aws_iam_user_policy.empty"
  user = aws_iam_user.deploy.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = []
  })
}
