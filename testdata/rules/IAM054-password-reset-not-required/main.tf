# Fixtures for IAM054: console passwords that need not be changed at first sign-in.

# expect: IAM051
# expect: IAM053
# example: noncompliant
resource "aws_iam_user_login_profile" "no_reset" {
  user = "alice"
  # expect: IAM054
  password_reset_required = false
}

# expect: IAM053
# example: compliant
resource "aws_iam_user_login_profile" "reset" {
  user = "bob"
  # ok: IAM054
  password_reset_required = true
}

variable "reset" {
  type = bool
}

# expect: IAM053
resource "aws_iam_user_login_profile" "unknown" {
  user = "carol"
  # ok: IAM054
  password_reset_required = var.reset
}
