# Grants on a pattern name the principal of the scan they cover. A console password can be reset
# only for a user that has one.

# An administrator role EC2 may run as, with its instance profile.
# ok: IAM008
# expect: IAM014
resource "aws_iam_role" "nt_service" {
  name                = "nt-app-service"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
  # expect: IAM009
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

resource "aws_iam_instance_profile" "nt_service" {
  name = "nt-app-service-profile"
  role = aws_iam_role.nt_service.name
}

# A weak role EC2 may run as.
# ok: IAM008
resource "aws_iam_role" "nt_weak" {
  name                = "nt-web-logs"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/CloudWatchLogsFullAccess"]
}

# Passes any role named nt-app-*: the administrator role above, through its instance profile.
# expect: IAM008
resource "aws_iam_user" "nt_launcher" {
  name = "nt-launcher"
}

resource "aws_iam_user_policy" "nt_launcher" {
  # expect: IAM010
  user   = aws_iam_user.nt_launcher.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["iam:PassRole", "ec2:RunInstances"], Resource = ["arn:aws:iam::123456789012:role/nt-app-*", "arn:aws:ec2:*:*:*"] }] })
}

# Passes only roles named nt-web-*: the weak role, nothing more.
# ok: IAM008
resource "aws_iam_user" "nt_web" {
  name = "nt-web"
}

resource "aws_iam_user_policy" "nt_web" {
  # expect: IAM010
  user   = aws_iam_user.nt_web.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["iam:PassRole", "ec2:RunInstances"], Resource = ["arn:aws:iam::123456789012:role/nt-web-*", "arn:aws:ec2:*:*:*"] }] })
}

# An administrator user without a console password.
# ok: IAM008
# expect: IAM014
resource "aws_iam_user" "nt_admin" {
  name = "nt-admin"
}

resource "aws_iam_user_policy_attachment" "nt_admin" {
  # expect: IAM010
  user       = aws_iam_user.nt_admin.name
  # expect: IAM009
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# May reset the console password of nt-admin only, who has none: nothing to reset.
# ok: IAM008
resource "aws_iam_user" "nt_helpdesk" {
  name = "nt-helpdesk"
}

resource "aws_iam_user_policy" "nt_helpdesk" {
  # expect: IAM010
  user   = aws_iam_user.nt_helpdesk.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:UpdateLoginProfile", Resource = "arn:aws:iam::123456789012:user/nt-admin" }] })
}

# An administrator user with a console password, and who may reset it.
# ok: IAM008
# expect: IAM014
resource "aws_iam_user" "nt_root_like" {
  name = "nt-console-admin"
}

resource "aws_iam_user_policy_attachment" "nt_root_like" {
  # expect: IAM010
  user       = aws_iam_user.nt_root_like.name
  # expect: IAM009
  # expect: IAM053
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# expect: IAM051
resource "aws_iam_user_login_profile" "nt_root_like" {
  user = aws_iam_user.nt_root_like.name
}

# expect: IAM008
resource "aws_iam_user" "nt_support" {
  name = "nt-support"
}

resource "aws_iam_user_policy" "nt_support" {
  # expect: IAM010
  user   = aws_iam_user.nt_support.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:UpdateLoginProfile", Resource = "arn:aws:iam::123456789012:user/nt-console-*" }] })
}
