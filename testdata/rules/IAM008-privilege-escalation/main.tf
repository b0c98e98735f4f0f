# The user's own policy allows iam:PassRole; its group allows creating and invoking functions.
# expect: IAM008
# example: noncompliant
resource "aws_iam_user" "builder" {
  name = "builder"
}

resource "aws_iam_user_policy" "builder_pass" {
  # expect: IAM010
  user = aws_iam_user.builder.name
  policy = jsonencode({
    Version = "2012-10-17"
    # expect: IAM007
    Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }]
  })
}

# ok: IAM008
# example: compliant
resource "aws_iam_group" "functions" {
  name = "functions"
}

resource "aws_iam_group_policy" "functions" {
  group = aws_iam_group.functions.name
  policy = jsonencode({
    Version = "2012-10-17"
    # expect: IAM006
    Statement = [{ Effect = "Allow", Action = ["lambda:CreateFunction", "lambda:InvokeFunction"], Resource = "*" }]
  })
}

resource "aws_iam_user_group_membership" "builder" {
  user   = aws_iam_user.builder.name
  groups = [aws_iam_group.functions.name]
}

# Allowed, then denied without condition: no escalation.
# ok: IAM008
resource "aws_iam_user" "denied" {
  name = "denied"
}

resource "aws_iam_user_policy" "denied" {
  # expect: IAM010
  user = aws_iam_user.denied.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # todo-ok: IAM003 -- the Deny NotAction of the same policy leaves only iam:Get*/List*; per-statement rules ignore it
      # ok: IAM007
      { Effect = "Allow", Action = "iam:*", Resource = "*" },
      { Effect = "Deny", NotAction = ["iam:Get*", "iam:List*"], Resource = "*" },
    ]
  })
}

# A wildcard covers iam:PutRolePolicy; a condition lowers the severity but is still reported.
# expect: IAM008
resource "aws_iam_role" "ops" {
  name               = "ops"
  # expect: IAM064
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "ops" {
  role = aws_iam_role.ops.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      # expect: IAM042
      Action    = "iam:Put*Policy"
      Resource  = "*"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}

# ok: IAM008
resource "aws_iam_role" "reader" {
  name               = "reader"
  # expect: IAM064
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "reader" {
  role = aws_iam_role.reader.id
  policy = jsonencode({
    Version = "2012-10-17"
    # expect: IAM044
    Statement = [{ Effect = "Allow", Action = ["ec2:Describe*", "s3:GetObject"], Resource = "*" }]
  })
}

# Self-service: a group whose members manage only their own keys and password.
# ok: IAM008
resource "aws_iam_group" "self_service" {
  name = "self-service"
}

data "aws_iam_policy_document" "self_service" {
  statement {
    sid       = "ManageOwnAccessKeys"
    actions   = ["iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:UpdateLoginProfile"]
    resources = ["arn:aws:iam::*:user/$${aws:username}"]
  }
}

resource "aws_iam_group_policy" "self_service" {
  group  = aws_iam_group.self_service.name
  policy = data.aws_iam_policy_document.self_service.json
}

# Passing one named role to the instances it launches is what the grant is for.
# ok: IAM008
resource "aws_iam_role" "launcher" {
  name               = "launcher"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_role_policy" "launcher" {
  role = aws_iam_role.launcher.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:PassRole", Resource = aws_iam_role.builder_node.arn },
      { Effect = "Allow", Action = "ec2:RunInstances", Resource = "arn:aws:ec2:*:123456789012:instance/*" },
    ]
  })
}

resource "aws_iam_role" "builder_node" {
  name               = "builder-node"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

# Already an administrator through the AWS-managed policy (IAM009): nothing to escalate to.
# ok: IAM008
resource "aws_iam_role" "platform_admin" {
  name                = "platform-admin"
  assume_role_policy  = data.aws_iam_policy_document.ec2_trust.json
  # expect: IAM009
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
  inline_policy {
    name   = "tune"
    # expect: IAM041
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:PutRolePolicy", Resource = "*" }] })
  }
}

# All of IAM on every resource is IAM003's finding; listing each method it allows adds nothing.
# ok: IAM008
resource "aws_iam_role" "identity_admin" {
  name               = "identity-admin"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name   = "iam"
    # expect: IAM003
    # ok: IAM007
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:*", Resource = "*" }] })
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
