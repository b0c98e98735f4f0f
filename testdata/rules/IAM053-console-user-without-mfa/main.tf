# Fixtures for IAM053: users with console passwords whose permissions work without MFA.

resource "aws_iam_user" "alice" {
  name = "alice"
}

# expect: IAM051
resource "aws_iam_user_login_profile" "alice" {
  user = aws_iam_user.alice.name
}

resource "aws_iam_user_policy" "alice" {
  # expect: IAM010
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # expect: IAM053
      {
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = "arn:aws:s3:::reports/*"
      },
    ]
  })
}

# Bob's group denies everything without MFA.
resource "aws_iam_user" "bob" {
  name = "bob"
}

# ok: IAM053
# example: compliant
resource "aws_iam_user_login_profile" "bob" {
  user = aws_iam_user.bob.name
}

resource "aws_iam_group" "people" {
  name = "people"
}

resource "aws_iam_user_group_membership" "bob" {
  user   = aws_iam_user.bob.name
  groups = [aws_iam_group.people.name]
}

data "aws_iam_policy_document" "require_mfa" {
  statement {
    effect    = "Deny"
    not_actions = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "sts:GetSessionToken"]
    resources = ["*"]
    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
  statement {
    # expect: IAM044
    actions   = ["ec2:Describe*"]
    resources = ["*"]
  }
}

resource "aws_iam_group_policy" "require_mfa" {
  group  = aws_iam_group.people.name
  policy = data.aws_iam_policy_document.require_mfa.json
}

# Carol has a console password and no permission in the scan.
resource "aws_iam_user" "carol" {
  name = "carol"
}

# expect: IAM053
# example: noncompliant
resource "aws_iam_user_login_profile" "carol" {
  user = aws_iam_user.carol.name
}

# Dave's only permission requires MFA.
resource "aws_iam_user" "dave" {
  name = "dave"
}

# ok: IAM053
resource "aws_iam_user_login_profile" "dave" {
  user = aws_iam_user.dave.name
}

resource "aws_iam_user_policy" "dave" {
  # expect: IAM010
  user = aws_iam_user.dave.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # ok: IAM053
      {
        Effect    = "Allow"
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::reports/*"
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
      },
    ]
  })
}

# Erin's policy cannot be read: not reported on a guess.
variable "erin_policy" {
  type = string
}

resource "aws_iam_user" "erin" {
  name = "erin"
}

# ok: IAM053
resource "aws_iam_user_login_profile" "erin" {
  user = aws_iam_user.erin.name
}

resource "aws_iam_user_policy" "erin" {
  # expect: IAM010
  user   = aws_iam_user.erin.name
  policy = var.erin_policy
}
