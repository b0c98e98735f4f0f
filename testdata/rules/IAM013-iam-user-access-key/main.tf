# Fixtures for IAM013: long-lived access keys for IAM users.

resource "aws_iam_user" "ci" {
  name = "ci"
}

# example: noncompliant
resource "aws_iam_access_key" "ci" {
  # expect: IAM013
  user    = aws_iam_user.ci.name
  pgp_key = "keybase:ci_admin"
}

variable "key_status" {
  type = string
}

resource "aws_iam_access_key" "status_unresolved" {
  # expect: IAM013
  user   = aws_iam_user.ci.name
  status = var.key_status
}

# The previous key during a rotation: it cannot sign requests.
# example: compliant
resource "aws_iam_access_key" "previous" {
  # ok: IAM013
  user   = aws_iam_user.ci.name
  status = "Inactive"
}

# Root keys belong to IAM011.
resource "aws_iam_access_key" "root" {
  # ok: IAM013
  # expect: IAM011
  user = "root"
}
