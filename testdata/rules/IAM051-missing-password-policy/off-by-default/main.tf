# IAM051 when the only password policy is switched off by a variable's default: the account has
# none unless someone sets the variable, so the finding names it. A literal count = 0 never exists.

variable "create_password_policy" {
  type    = bool
  default = false
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

# expect: IAM051 "no account password policy (aws_iam_account_password_policy) is defined for this account unless var.create_password_policy = true"
# expect: IAM053
resource "aws_iam_user_login_profile" "alice" {
  user                    = aws_iam_user.alice.name
  password_reset_required = true
}

# ok: IAM051
resource "aws_iam_account_password_policy" "strict" {
  count                          = var.create_password_policy ? 1 : 0
  minimum_password_length        = 14
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  password_reuse_prevention      = 24
  max_password_age               = 90
  allow_users_to_change_password = true
}

# ok: IAM051
resource "aws_iam_account_password_policy" "optional" {
  count                          = var.create_password_policy ? 1 : 0
  minimum_password_length        = 16
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  password_reuse_prevention      = 24
  max_password_age               = 90
  allow_users_to_change_password = true
}

# ok: IAM051
resource "aws_iam_account_password_policy" "never" {
  count                   = 0
  minimum_password_length = 6
}

resource "aws_accessanalyzer_analyzer" "account" {
  analyzer_name = "account"
}
