# Fixtures for IAM011: access keys for the root user (and what is not one).

# example: noncompliant
resource "aws_iam_access_key" "root_default_status" {
  # expect: IAM011
  user = "root"
}

resource "aws_iam_access_key" "root_active" {
  # expect: IAM011
  user   = "ROOT"
  status = "Active"
}

# example: compliant
resource "aws_iam_access_key" "root_inactive" {
  # ok: IAM011, IAM013
  user   = "root"
  status = "Inactive"
}

resource "aws_iam_user" "rootless" {
  name = "rootless-ci"
}

resource "aws_iam_access_key" "rootless_ci" {
  # ok: IAM011
  # expect: IAM013
  user = aws_iam_user.rootless.name
}

resource "aws_iam_access_key" "named_like_root" {
  # ok: IAM011
  # expect: IAM013
  user = "rootless-ci"
}
