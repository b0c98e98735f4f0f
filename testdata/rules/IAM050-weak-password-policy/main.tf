# Fixtures for IAM050: weak settings of the account password policy.

# ok: IAM050
# expect: IAM062
# example: compliant
resource "aws_iam_account_password_policy" "strict" {
  # ok: IAM050
  minimum_password_length        = 14
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  password_reuse_prevention      = 24
  # ok: IAM050
  max_password_age               = 90
  allow_users_to_change_password = true
}

resource "aws_iam_account_password_policy" "weak" {
  # expect: IAM050
  minimum_password_length        = 8
  require_uppercase_characters   = true
  # expect: IAM050
  require_lowercase_characters   = false
  require_numbers                = true
  require_symbols                = true
  # expect: IAM050
  password_reuse_prevention      = 5
  # expect: IAM050
  max_password_age               = 180
  # expect: IAM050
  allow_users_to_change_password = false
}

# Left out, AWS's defaults apply: one finding on the header.
# expect: IAM050
# example: noncompliant
resource "aws_iam_account_password_policy" "defaults" {
  minimum_password_length = 16
}

variable "length" {
  type = number
}

variable "age" {
  type    = number
  default = 0
}

resource "aws_iam_account_password_policy" "from_variables" {
  # ok: IAM050
  minimum_password_length        = var.length
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  password_reuse_prevention      = 24
  # expect: IAM050
  max_password_age               = var.age
  allow_users_to_change_password = true
}
