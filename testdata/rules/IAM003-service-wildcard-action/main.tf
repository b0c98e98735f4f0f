# example: noncompliant
resource "aws_iam_user_policy" "ops" {
  # expect: IAM010
  user = aws_iam_user.ops.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = [
          # One finding per statement, naming every service wildcard.
          # expect: IAM003 "every action of iam and s3"
          # ok: IAM007
          "IAM:*",
          # ok: IAM003
          "s3:*",
          # ok: IAM003
          # expect: IAM044
          "ec2:Describe*",
        ]
        Resource = "*"
      },
      {
        Effect = "Deny"
        # ok: IAM003
        Action   = "iam:*"
        Resource = "*"
      },
      {
        Effect = "Allow"
        Action = [
          # ok: IAM003
          "s3:*",
          # expect: IAM003
          "kms:*",
        ]
        Resource = ["arn:aws:s3:::reports/*", "arn:aws:kms:eu-west-1:123456789012:key/abcd"]
      },
    ]
  })
}

resource "aws_iam_user" "ops" {
  name = "ops"
}

# example: compliant
resource "aws_iam_policy" "role_reader" {
  name = "role-reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM003
      Action   = ["iam:GetRole", "iam:ListRoles"]
      Resource = "*"
    }]
  })
}

# The SSM Agent's message channels: every action is needed and none accepts more than "*".
resource "aws_iam_role_policy" "ssm_agent" {
  role = "instance"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM003
      Action   = ["ssmmessages:*", "ec2messages:*"]
      Resource = "*"
    }]
  })
}

# A condition naming the keys by their alias scopes the grant: the message says so, and does not
# call it a condition that "limits when, not what".
resource "aws_iam_policy" "app_keys" {
  name = "app-keys"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: IAM003 "on the resources its condition names (kms:ResourceAliases), a service that controls"
      Action   = "kms:*"
      Resource = "*"
      Condition = {
        "ForAnyValue:StringEquals" = { "kms:ResourceAliases" = "alias/app" }
      }
    }]
  })
}
