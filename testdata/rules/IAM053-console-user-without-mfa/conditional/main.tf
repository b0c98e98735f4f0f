# IAM053 when the statement that requires MFA is in a policy a variable's default switches off:
# as deployed by default nothing requires MFA, so the finding says when it would be required.

variable "enforce_mfa" {
  type    = bool
  default = false
}

resource "aws_iam_user" "frank" {
  name = "frank"
}

# expect: IAM051
# expect: IAM053 "MFA is required only when var.enforce_mfa = true"
resource "aws_iam_user_login_profile" "frank" {
  user                    = aws_iam_user.frank.name
  password_reset_required = true
}

resource "aws_iam_group" "staff" {
  name = "staff"
}

resource "aws_iam_user_group_membership" "frank" {
  user   = aws_iam_user.frank.name
  groups = [aws_iam_group.staff.name]
}

data "aws_iam_policy_document" "staff_require_mfa" {
  statement {
    effect      = "Deny"
    not_actions = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "sts:GetSessionToken"]
    resources   = ["*"]
    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}

resource "aws_iam_group_policy" "staff_require_mfa" {
  count  = var.enforce_mfa ? 1 : 0
  group  = aws_iam_group.staff.name
  policy = data.aws_iam_policy_document.staff_require_mfa.json
}
