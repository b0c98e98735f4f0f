# Fixtures for IAM071: arguments of the resource types iamscan reads.

variable "users" {
  type = list(string)
}

resource "aws_iam_policy_attachment" "wrong_type" {
  name       = "deployers"
  # expect: IAM071
  # todo-ok: IAM010 -- users is a string, which Terraform rejects (IAM071); the attachment never exists
  users      = "admin"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# expect: IAM071
# example: noncompliant
resource "aws_iam_role_policy" "missing_policy" {
  name = "missing"
  role = "deployer"
}

resource "aws_iam_role" "misspelt" {
  name               = "misspelt"
  # expect: IAM064
  assume_role_policy = "{}"
  # expect: IAM071
  managed_policies_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
  inline_policy {
    name = "inline"
    # expect: IAM071
    polcy = "{}"
  }
}

# expect: IAM022
resource "aws_s3_bucket_public_access_block" "flags" {
  bucket = "reports"
  # expect: IAM071
  block_public_acls = "yes"
  # ok: IAM071
  block_public_policy = "true"
  # ok: IAM071
  ignore_public_acls = true
}

# ok: IAM071
resource "aws_iam_policy_attachment" "compliant" {
  # ok: IAM071
  name       = "deployers"
  # ok: IAM071
  users      = var.users
  # ok: IAM071
  roles      = [aws_iam_role.misspelt.name, var.users[0]]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  depends_on = [aws_iam_role.misspelt]
}

# Types iamscan has no schema for are not checked.
# ok: IAM071
# example: compliant
resource "aws_ssm_parameter" "other" {
  # ok: IAM071
  nmae = "x"
}
