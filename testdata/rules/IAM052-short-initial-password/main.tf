# Fixtures for IAM052: console passwords generated shorter than 14 characters.

resource "aws_iam_user_login_profile" "short" {
  user = "alice"
  # expect: IAM052
  password_length = 10
}

resource "aws_iam_user_login_profile" "long" {
  user = "bob"
  # ok: IAM052
  password_length = 20
}

variable "length" {
  type = number
}

resource "aws_iam_user_login_profile" "unknown" {
  user = "carol"
  # ok: IAM052
  password_length = var.length
}
