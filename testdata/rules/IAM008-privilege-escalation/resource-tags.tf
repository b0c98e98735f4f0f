# A grant under a resource-tag condition: the path holds where the target carries the tag, and the
# step says so.

# ok: IAM008
# expect: IAM014
resource "aws_iam_role" "tg_admin" {
  name                = "tg-admin"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
  # expect: IAM009
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
  tags                = { team = "platform" }
}

# ok: IAM008
resource "aws_iam_role" "tg_weak" {
  name                = "tg-weak"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/CloudWatchLogsFullAccess"]
  tags                = { team = "web" }
}

# May rewrite the trust of tg-admin where it is tagged team = platform.
# expect: IAM008
resource "aws_iam_user" "tg_platform" {
  name = "tg-platform"
}

resource "aws_iam_user_policy" "tg_platform" {
  # expect: IAM010
  user   = aws_iam_user.tg_platform.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:UpdateAssumeRolePolicy", Resource = "arn:aws:iam::123456789012:role/tg-admin", Condition = { StringEquals = { "iam:ResourceTag/team" = "platform" } } }] })
}

# May rewrite the trust of the weak role only: nothing to gain.
# ok: IAM008
resource "aws_iam_user" "tg_web" {
  name = "tg-web"
}

resource "aws_iam_user_policy" "tg_web" {
  # expect: IAM010
  user   = aws_iam_user.tg_web.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:UpdateAssumeRolePolicy", Resource = "arn:aws:iam::123456789012:role/tg-weak", Condition = { StringEquals = { "iam:ResourceTag/team" = "web" } } }] })
}
