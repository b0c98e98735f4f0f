# Fixtures for IAM052: console passwords generated shorter than 14 characters.

# expect: IAM051
# expect: IAM053
# example: noncompliant
resource "aws_iam_user_login_profile" "short" {
  user = "alice"
  # expect: IAM052
  password_length = 10
}

# expect: IAM053
# example: compliant
resource "aws_iam_user_login_profile" "long" {
  user = "bob"
  # ok: IAM052
  password_length = 20
}

variable "length" {
  type = number
}

# expect: IAM053
resource "aws_iam_user_login_profile" "unknown" {
  user = "carol"
  # ok: IAM052
  password_length = var.length
}
