# Groups stand for each of their members: a group whose policies give a path is reported at the
# group, with no member in the scan (one added later, outside the template, gains the path).

# A group with no members that may create an access key for any user.
# expect: IAM008
resource "aws_iam_group" "grp_keys" {
  name = "grp-keys"
}

resource "aws_iam_group_policy" "grp_keys" {
  group  = aws_iam_group.grp_keys.name
  # expect: IAM006
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:CreateAccessKey", Resource = "*" }] })
}

# A group with no members that may attach policies to any role: administrator for others.
# expect: IAM008
resource "aws_iam_group" "grp_granters" {
  name = "grp-granters"
}

resource "aws_iam_group_policy" "grp_granters" {
  group  = aws_iam_group.grp_granters.name
  # expect: IAM041
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:AttachRolePolicy", Resource = "*" }] })
}

# A group that may rewrite every customer managed policy of the account.
# expect: IAM008
resource "aws_iam_group" "grp_versioners" {
  name = "grp-versioners"
}

resource "aws_iam_group_policy" "grp_versioners" {
  group  = aws_iam_group.grp_versioners.name
  # expect: IAM041
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:CreatePolicyVersion", Resource = "*" }] })
}

# A group with members: each may take over the administrator role grp-break-glass (two steps). The
# finding is the group's; alice has nothing of her own and is not reported again; bob's own policy
# gives him a shorter path (a policy on himself), so he is reported in his own right.
# expect: IAM008
resource "aws_iam_group" "grp_ops" {
  name = "grp-ops"
}

resource "aws_iam_group_policy" "grp_ops" {
  group  = aws_iam_group.grp_ops.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"], Resource = "arn:aws:iam::123456789012:role/grp-break-glass" }] })
}

# ok: IAM008
# expect: IAM014
resource "aws_iam_role" "grp_break_glass" {
  name                = "grp-break-glass"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
  # expect: IAM009
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

# ok: IAM008
resource "aws_iam_user" "grp_alice" {
  name = "grp-alice"
}

# expect: IAM008
resource "aws_iam_user" "grp_bob" {
  name = "grp-bob"
}

resource "aws_iam_user_policy" "grp_bob" {
  # expect: IAM010
  user   = aws_iam_user.grp_bob.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:PutUserPolicy", Resource = "arn:aws:iam::123456789012:user/grp-bob" }] })
}

resource "aws_iam_group_membership" "grp_ops" {
  name  = "grp-ops"
  group = aws_iam_group.grp_ops.name
  users = [aws_iam_user.grp_alice.name, aws_iam_user.grp_bob.name]
}

# A group without a path, and its member: reads of one bucket lead nowhere.
# ok: IAM008
resource "aws_iam_group" "grp_readers" {
  name = "grp-readers"
}

resource "aws_iam_group_policy" "grp_readers" {
  group  = aws_iam_group.grp_readers.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::grp-reports/*" }] })
}

# ok: IAM008
resource "aws_iam_user" "grp_carol" {
  name = "grp-carol"
}

resource "aws_iam_user_group_membership" "grp_carol" {
  user   = aws_iam_user.grp_carol.name
  groups = [aws_iam_group.grp_readers.name]
}

# A group whose policy covers only its members' own credentials: no path for a member it cannot name.
# ok: IAM008
resource "aws_iam_group" "grp_self_keys" {
  name = "grp-self-keys"
}

resource "aws_iam_group_policy" "grp_self_keys" {
  group  = aws_iam_group.grp_self_keys.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:CreateAccessKey", Resource = "arn:aws:iam::*:user/$${aws:username}" }] })
}

# A role cannot join a group, but may add any user to any group, administrator groups included.
# expect: IAM008
resource "aws_iam_role" "grp_enroller" {
  name               = "grp-enroller"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
  inline_policy {
    name   = "enroll"
    # expect: IAM006
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:AddUserToGroup", Resource = "*" }] })
  }
}

# Only into the groups of one path, which are not administrator groups of the scan.
# ok: IAM008
resource "aws_iam_role" "grp_team_enroller" {
  name               = "grp-team-enroller"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
  inline_policy {
    name   = "enroll"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:AddUserToGroup", Resource = "arn:aws:iam::123456789012:group/teams/*" }] })
  }
}
