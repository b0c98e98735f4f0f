data "aws_partition" "current" {}

variable "power_user_arn" {
  type    = string
  default = "arn:aws-us-gov:iam::aws:policy/PowerUserAccess"
}

# expect: IAM014
resource "aws_iam_role" "admin" {
  name               = "admin"
  # expect: IAM064
  assume_role_policy = "{}"
  managed_policy_arns = [
    # expect: IAM009
    "arn:aws-cn:iam::aws:policy/IAMFullAccess",
    # ok: IAM009
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
  ]
}

# example: noncompliant
resource "aws_iam_role_policy_attachment" "admin" {
  role = aws_iam_role.admin.name
  # expect: IAM009
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess"
}

# example: compliant
resource "aws_iam_role_policy_attachment" "amplify" {
  role = aws_iam_role.admin.name
  # ok: IAM009
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess-Amplify"
}

resource "aws_iam_user_policy_attachment" "power" {
  # expect: IAM010
  user = "someone"
  # expect: IAM009
  policy_arn = var.power_user_arn
}

resource "aws_ssoadmin_managed_policy_attachment" "admins" {
  instance_arn       = "arn:aws:sso:::instance/ssoins-1234"
  permission_set_arn = aws_ssoadmin_permission_set.admins.arn
  # expect: IAM009
  managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# expect: IAM014
resource "aws_ssoadmin_permission_set" "admins" {
  name         = "admins"
  instance_arn = "arn:aws:sso:::instance/ssoins-1234"
}
