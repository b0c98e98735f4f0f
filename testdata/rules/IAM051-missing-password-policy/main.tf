# Fixtures for IAM051: console passwords in a module whose account has no password policy.

resource "aws_iam_user" "alice" {
  name = "alice"
}

# expect: IAM051
# expect: IAM053
# example: noncompliant
resource "aws_iam_user_login_profile" "alice" {
  user                    = aws_iam_user.alice.name
  password_reset_required = true
}

# One finding per module: the second login profile is covered by the first.
# ok: IAM051
# expect: IAM053
# example: compliant
resource "aws_iam_user_login_profile" "bob" {
  user = "bob"
}
