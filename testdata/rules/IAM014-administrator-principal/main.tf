# Administrators through every form of attachment, and principals that are not.

# Through its group's AWS-managed policy.
# expect: IAM014
resource "aws_iam_user" "alice" {
  name = "alice"
}

# expect: IAM014
resource "aws_iam_group" "admins" {
  name = "admins"
}

resource "aws_iam_group_policy_attachment" "admins" {
  group      = aws_iam_group.admins.name
  # expect: IAM009
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.admins.name]
}

# managed_policy_arns with IAMFullAccess: IAM write on every resource.
# example: noncompliant
# expect: IAM014
resource "aws_iam_role" "identity" {
  name                = "identity"
  assume_role_policy  = data.aws_iam_policy_document.ec2_trust.json
  # expect: IAM009
  managed_policy_arns = ["arn:aws:iam::aws:policy/IAMFullAccess"]
}

# PowerUserAccess allows everything but IAM: not administrator by this definition, though it can
# become one through the roles of existing resources (IAM008).
# ok: IAM014
# expect: IAM008
resource "aws_iam_role" "power" {
  name                = "power"
  assume_role_policy  = data.aws_iam_policy_document.ec2_trust.json
  # expect: IAM009
  managed_policy_arns = ["arn:aws:iam::aws:policy/PowerUserAccess"]
}

# A customer managed policy attached by aws_iam_policy_attachment, allowing iam:Put* on every resource.
# expect: IAM014
resource "aws_iam_role" "putter" {
  name               = "putter"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
}

resource "aws_iam_policy" "put_anything" {
  name   = "put-anything"
  # expect: IAM042
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:Put*", Resource = "*" }] })
}

resource "aws_iam_policy_attachment" "put_anything" {
  name       = "put-anything"
  roles      = [aws_iam_role.putter.name]
  policy_arn = aws_iam_policy.put_anything.arn
}

# Everything, but a permissions boundary keeps it to reading S3.
# ok: IAM014
resource "aws_iam_role" "bounded" {
  name                 = "bounded"
  assume_role_policy   = data.aws_iam_policy_document.ec2_trust.json
  permissions_boundary = aws_iam_policy.read_s3.arn
  # expect: IAM009
  managed_policy_arns  = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

resource "aws_iam_policy" "read_s3" {
  name   = "read-s3"
  # expect: IAM044
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}

# Everything, with IAM denied in another policy: not administrator (existing resources remain, IAM008).
# ok: IAM014
# expect: IAM008
resource "aws_iam_user" "no_iam" {
  name = "no-iam"
}

resource "aws_iam_user_policy_attachment" "no_iam_admin" {
  # expect: IAM010
  user       = aws_iam_user.no_iam.name
  # expect: IAM009
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user_policy" "no_iam" {
  # ok: IAM010
  user   = aws_iam_user.no_iam.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = ["iam:*", "sts:*"], Resource = "*" }] })
}

# iam:* limited to one path of roles is not "every resource".
# example: compliant
# ok: IAM014
resource "aws_iam_role" "app_iam" {
  name               = "app-iam"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name   = "iam"
    # expect: IAM003
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:*", Resource = "arn:aws:iam::123456789012:role/apps/*" }] })
  }
}

data "aws_iam_policy_document" "ec2_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

# A group allowed to attach policies to any group attaches one to itself: each member (and the
# member user below, through it) can grant itself anything.
# expect: IAM014
resource "aws_iam_group" "group_attachers" {
  name = "group-attachers"
}

resource "aws_iam_group_policy" "group_attachers" {
  group  = aws_iam_group.group_attachers.name
  # expect: IAM041
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:AttachGroupPolicy", Resource = "*" }] })
}

# expect: IAM014
resource "aws_iam_user" "group_attacher" {
  name = "group-attacher"
}

resource "aws_iam_user_group_membership" "group_attacher" {
  user   = aws_iam_user.group_attacher.name
  groups = [aws_iam_group.group_attachers.name]
}

# Attaching group policies on one path of groups only is not "every resource".
# ok: IAM014
resource "aws_iam_group" "team_attachers" {
  name = "team-attachers"
}

resource "aws_iam_group_policy" "team_attachers" {
  group  = aws_iam_group.team_attachers.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:AttachGroupPolicy", Resource = "arn:aws:iam::123456789012:group/teams/*" }] })
}
