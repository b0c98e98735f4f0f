# Paths to administrator, each principal reported once with its shortest path.

# Three hops: dev assumes hop1, which assumes hop2, which assumes the administrator role top.
# expect: IAM008
resource "aws_iam_user" "dev" {
  name = "dev"
}

# expect: IAM008
resource "aws_iam_role" "hop1" {
  name               = "hop1"
  # expect: IAM055
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::123456789012:user/dev" } }] })
}

# expect: IAM008
resource "aws_iam_role" "hop2" {
  name               = "hop2"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::123456789012:role/hop1" } }] })
}

# ok: IAM008
# expect: IAM014
resource "aws_iam_role" "top" {
  name                = "top"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::123456789012:role/hop2" } }] })
  # expect: IAM009
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

# The chain is broken: the administrator role trusts someone else.
# ok: IAM008
resource "aws_iam_user" "stranger" {
  name = "stranger"
}

# ok: IAM008
resource "aws_iam_role" "stranger_hop" {
  name               = "stranger-hop"
  # expect: IAM055
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::123456789012:user/stranger" } }] })
}

# Trust by account root: only a principal whose own policy allows sts:AssumeRole on the role gets in.
# expect: IAM014
resource "aws_iam_role" "break_glass" {
  name                = "break-glass"
  # expect: IAM033
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::123456789012:root" } }] })
  # expect: IAM009
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

# expect: IAM008
resource "aws_iam_user" "oncall" {
  name = "oncall"
}

resource "aws_iam_user_policy" "oncall" {
  # expect: IAM010
  user   = aws_iam_user.oncall.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = "arn:aws:iam::123456789012:role/break-glass" }] })
}

# ok: IAM008
resource "aws_iam_user" "bystander" {
  name = "bystander"
}

# A role that may attach policies to every role, itself included.
# example: noncompliant
# expect: IAM008
resource "aws_iam_role" "deployer" {
  name               = "deployer"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name   = "attach"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:AttachRolePolicy", Resource = "arn:aws:iam::123456789012:role/*" }] })
  }
}

# Scoped to other roles by name: it cannot attach to itself.
# example: compliant
# ok: IAM008
resource "aws_iam_role" "app_deployer" {
  name               = "deployer-of-apps"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name   = "attach"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:AttachRolePolicy", Resource = "arn:aws:iam::123456789012:role/app-*" }] })
  }
}

# The same grant inside a permissions boundary that allows only S3.
# ok: IAM008
resource "aws_iam_role" "bounded" {
  name                 = "bounded"
  assume_role_policy   = data.aws_iam_policy_document.ec2_trust.json
  permissions_boundary = aws_iam_policy.s3_only.arn
  inline_policy {
    name   = "attach"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:AttachRolePolicy", Resource = "arn:aws:iam::123456789012:role/*" }] })
  }
}

resource "aws_iam_policy" "s3_only" {
  name   = "s3-only"
  # expect: IAM003
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
}

# Access keys for any user: Deny in the same policy, Deny in another policy, or no Deny.
# expect: IAM008
resource "aws_iam_user" "keys" {
  name = "keys"
}

resource "aws_iam_user_policy" "keys" {
  # expect: IAM010
  user   = aws_iam_user.keys.name
  # expect: IAM006
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:CreateAccessKey", Resource = "*" }] })
}

# ok: IAM008
resource "aws_iam_user" "keys_denied_here" {
  name = "keys-denied-here"
}

resource "aws_iam_user_policy" "keys_denied_here" {
  # ok: IAM010
  user = aws_iam_user.keys_denied_here.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [
    { Effect = "Allow", Action = "iam:CreateAccessKey", Resource = "*" },
    { Effect = "Deny", Action = "iam:*", Resource = "*" },
  ] })
}

# ok: IAM008
resource "aws_iam_user" "keys_denied_elsewhere" {
  name = "keys-denied-elsewhere"
}

resource "aws_iam_user_policy" "keys_denied_elsewhere" {
  # expect: IAM010
  user   = aws_iam_user.keys_denied_elsewhere.name
  # expect: IAM006
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:CreateAccessKey", Resource = "*" }] })
}

resource "aws_iam_user_policy_attachment" "keys_denied_elsewhere" {
  # ok: IAM010
  user       = aws_iam_user.keys_denied_elsewhere.name
  policy_arn = aws_iam_policy.no_keys.arn
}

resource "aws_iam_policy" "no_keys" {
  name   = "no-keys"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", NotAction = ["iam:Get*", "iam:List*"], Resource = "*" }] })
}

# New policy versions: of a customer managed policy attached to it, not of AWS-managed ones.
# expect: IAM008
resource "aws_iam_user" "versioner" {
  name = "versioner"
}

resource "aws_iam_user_policy_attachment" "versioner" {
  # expect: IAM010
  user       = aws_iam_user.versioner.name
  policy_arn = aws_iam_policy.versions_any.arn
}

resource "aws_iam_policy" "versions_any" {
  name   = "versions-any"
  # expect: IAM041
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:CreatePolicyVersion", Resource = "*" }] })
}

# ok: IAM008
resource "aws_iam_user" "aws_versioner" {
  name = "aws-versioner"
}

# Its own customer managed policy may get new versions only of AWS-managed policies: none of its own.
resource "aws_iam_user_policy_attachment" "aws_versioner" {
  # expect: IAM010
  user       = aws_iam_user.aws_versioner.name
  policy_arn = aws_iam_policy.versions_aws.arn
}

resource "aws_iam_policy" "versions_aws" {
  name   = "versions-aws"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"], Resource = "arn:aws:iam::aws:policy/*" }] })
}

# A policy on its own user: a condition that ended in the past never holds; one in the future does.
# ok: IAM008
resource "aws_iam_user" "expired" {
  name = "expired"
}

resource "aws_iam_user_policy" "expired" {
  # ok: IAM010
  user = aws_iam_user.expired.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{
    Effect    = "Allow"
    Action    = "iam:PutUserPolicy"
    Resource  = "arn:aws:iam::123456789012:user/$${aws:username}"
    Condition = { DateLessThan = { "aws:CurrentTime" = "2020-01-01T00:00:00Z" } }
  }] })
}

# expect: IAM008
resource "aws_iam_user" "self_service" {
  name = "self-service"
}

resource "aws_iam_user_policy" "self_service" {
  # expect: IAM010
  user = aws_iam_user.self_service.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [{
    Effect    = "Allow"
    Action    = "iam:PutUserPolicy"
    Resource  = "arn:aws:iam::123456789012:user/$${aws:username}"
    Condition = { DateLessThan = { "aws:CurrentTime" = "2199-01-01T00:00:00Z" } }
  }] })
}

# ${aws:username} is absent for a role: the grant covers no role.
# ok: IAM008
resource "aws_iam_role" "username_role" {
  name               = "username-role"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name   = "self"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:PutRolePolicy", Resource = "arn:aws:iam::123456789012:role/$${aws:username}" }] })
  }
}

# PassRole to a new function: a strong role reaches administrator, a logs-only role does not.
# expect: IAM008
resource "aws_iam_user" "builder" {
  name = "builder"
}

resource "aws_iam_user_policy" "builder" {
  # expect: IAM010
  user = aws_iam_user.builder.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [
    { Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::123456789012:role/fn-admin" },
    # expect: IAM006
    { Effect = "Allow", Action = ["lambda:CreateFunction", "lambda:InvokeFunction"], Resource = "*" },
  ] })
}

# ok: IAM008
resource "aws_iam_user" "logger" {
  name = "logger"
}

resource "aws_iam_user_policy" "logger" {
  # expect: IAM010
  user = aws_iam_user.logger.name
  policy = jsonencode({ Version = "2012-10-17", Statement = [
    { Effect = "Allow", Action = "iam:PassRole", Resource = "arn:aws:iam::123456789012:role/fn-logs" },
    # expect: IAM006
    { Effect = "Allow", Action = ["lambda:CreateFunction", "lambda:InvokeFunction"], Resource = "*" },
  ] })
}

# expect: IAM014
resource "aws_iam_role" "fn_admin" {
  name                = "fn-admin"
  assume_role_policy  = data.aws_iam_policy_document.lambda_trust.json
  # expect: IAM009
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

# ok: IAM008
resource "aws_iam_role" "fn_logs" {
  name                = "fn-logs"
  assume_role_policy  = data.aws_iam_policy_document.lambda_trust.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]
}

# A group's policy applies to its members. The path is the group's: reported once, at the group,
# for each member; the member's own finding would only repeat it.
# ok: IAM008
resource "aws_iam_user" "member" {
  name = "member"
}

# expect: IAM008
resource "aws_iam_group" "key_admins" {
  name = "key-admins"
}

resource "aws_iam_group_policy" "key_admins" {
  group  = aws_iam_group.key_admins.name
  # expect: IAM006
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:CreateLoginProfile", Resource = "*" }] })
}

resource "aws_iam_group_membership" "key_admins" {
  name  = "key-admins"
  group = aws_iam_group.key_admins.name
  users = [aws_iam_user.member.name]
}

# Existing resources: commands on any instance, updates of any stack or function's code.
# expect: IAM008
resource "aws_iam_role" "operator" {
  name               = "operator"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name   = "ssm"
    # expect: IAM006
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "ssm:SendCommand", Resource = "*" }] })
  }
}

# ok: IAM008
resource "aws_iam_role" "one_instance_operator" {
  name               = "one-instance-operator"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name   = "ssm"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "ssm:SendCommand", Resource = ["arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc1234def567890", "arn:aws:ssm:eu-west-1::document/AWS-RunShellScript"] }] })
  }
}

# expect: IAM008
resource "aws_iam_role" "stack_updater" {
  name               = "stack-updater"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name   = "cfn"
    # expect: IAM006
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "cloudformation:UpdateStack", Resource = "*" }] })
  }
}

# expect: IAM008
resource "aws_iam_role" "code_pusher" {
  name               = "code-pusher"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name   = "lambda"
    # expect: IAM006
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "lambda:UpdateFunctionCode", Resource = "*" }] })
  }
}

# ok: IAM008
resource "aws_iam_role" "one_function_pusher" {
  name               = "one-function-pusher"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name   = "lambda"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "lambda:UpdateFunctionCode", Resource = "arn:aws:lambda:eu-west-1:123456789012:function:report" }] })
  }
}

# A role that may put a policy on any user: not a path for itself, but administrator for any user.
# expect: IAM008
resource "aws_iam_role" "user_manager" {
  name               = "user-manager"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name   = "users"
    # expect: IAM041
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:PutUserPolicy", Resource = "*" }] })
  }
}

# The same on user/${aws:username}: absent for a role, so it covers no user.
# ok: IAM008
resource "aws_iam_role" "self_user_manager" {
  name               = "self-user-manager"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name   = "users"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:PutUserPolicy", Resource = "arn:aws:iam::123456789012:user/$${aws:username}" }] })
  }
}

# Functions of the scan: new code for one that runs as an administrator role reaches administrator;
# for one that runs as a logs-only role it does not.
resource "aws_lambda_function" "nightly" {
  function_name = "nightly"
  role          = aws_iam_role.fn_admin.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
}

resource "aws_lambda_function" "cleanup" {
  function_name = "cleanup"
  role          = aws_iam_role.fn_logs.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
}

# expect: IAM008
resource "aws_iam_role" "nightly_pusher" {
  name               = "nightly-pusher"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name   = "lambda"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "lambda:UpdateFunctionCode", Resource = "arn:aws:lambda:eu-west-1:123456789012:function:nightly" }] })
  }
}

# ok: IAM008
resource "aws_iam_role" "cleanup_pusher" {
  name               = "cleanup-pusher"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name   = "lambda"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "lambda:UpdateFunctionCode", Resource = "arn:aws:lambda:eu-west-1:123456789012:function:cleanup" }] })
  }
}

# Self-service: members manage their own keys and password, which makes no one else's theirs.
# ok: IAM008
resource "aws_iam_user" "self_keys" {
  name = "self-keys"
}

resource "aws_iam_group" "self_service" {
  name = "self-service"
}

resource "aws_iam_group_membership" "self_service" {
  name  = "self-service"
  group = aws_iam_group.self_service.name
  users = [aws_iam_user.self_keys.name]
}

data "aws_iam_policy_document" "self_service" {
  statement {
    sid       = "ManageOwnCredentials"
    actions   = ["iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:UpdateLoginProfile", "iam:CreateLoginProfile"]
    resources = ["arn:aws:iam::*:user/$${aws:username}"]
  }
}

resource "aws_iam_group_policy" "self_service" {
  group  = aws_iam_group.self_service.name
  policy = data.aws_iam_policy_document.self_service.json
}

# Trust by reference to a user of the scan: the user it names reaches the role, another does not.
# expect: IAM008
resource "aws_iam_user" "ref_dev" {
  name = "ref-dev"
}

# ok: IAM008
resource "aws_iam_user" "ref_other" {
  name = "ref-other"
}

# expect: IAM014
resource "aws_iam_role" "ref_admin" {
  name                = "ref-admin"
  # expect: IAM009
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    # expect: IAM055
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = aws_iam_user.ref_dev.arn } }]
  })
}

# PassRole by reference to a role of the scan, from a policy document: the strong role reaches
# administrator, the logs-only one does not. The path is the group's, reported at the group.
# ok: IAM008
resource "aws_iam_user" "ref_builder" {
  name = "ref-builder"
}

data "aws_iam_policy_document" "ref_builder" {
  statement {
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.fn_admin.arn]
  }
  statement {
    # expect: IAM006
    actions   = ["lambda:CreateFunction", "lambda:InvokeFunction"]
    resources = ["*"]
  }
}

# expect: IAM008
resource "aws_iam_group" "ref_builders" {
  name = "ref-builders"
}

resource "aws_iam_group_policy" "ref_builders" {
  group  = aws_iam_group.ref_builders.name
  policy = data.aws_iam_policy_document.ref_builder.json
}

resource "aws_iam_group_membership" "ref_builders" {
  name  = "ref-builders"
  group = aws_iam_group.ref_builders.name
  users = [aws_iam_user.ref_builder.name]
}

# ok: IAM008
resource "aws_iam_role" "ref_logger" {
  name               = "ref-logger"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  inline_policy {
    name = "pass"
    policy = jsonencode({ Version = "2012-10-17", Statement = [
      { Effect = "Allow", Action = "iam:PassRole", Resource = aws_iam_role.fn_logs.arn },
      # expect: IAM006
      { Effect = "Allow", Action = ["lambda:CreateFunction", "lambda:InvokeFunction"], Resource = "*" },
    ] })
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

data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}
