# Fixtures for IAM040: self-service credential policies as AWS documents them. IAM resolves
# ${aws:username} (written $${aws:username} in Terraform strings) to the caller's own user name, so a
# wildcard that reaches only actions on one's own credentials, on the caller's own user, is not reported.

data "aws_iam_policy_document" "own_credentials" {
  statement {
    sid = "OwnCredentials"
    actions = [
      # ok: IAM040
      "iam:*AccessKey*",
      # ok: IAM040
      "iam:*LoginProfile*",
      # ok: IAM040
      "iam:*SSHPublicKey*",
      # ok: IAM040
      "iam:*ServiceSpecificCredential*",
      # ok: IAM040
      "iam:*SigningCertificate*",
      "iam:ChangePassword",
      "iam:GetUser",
    ]
    resources = ["arn:aws:iam::*:user/$${aws:username}"]
  }
  statement {
    sid = "OwnMfa"
    actions = [
      # ok: IAM040
      "iam:*MFADevice*",
    ]
    resources = [
      "arn:aws:iam::*:user/$${aws:username}",
      "arn:aws:iam::*:mfa/$${aws:username}",
    ]
  }
}

# The data source also reads &{aws:username} as the policy variable ${aws:username}; a path written
# out still names the caller's own user (user names are unique in an account).
data "aws_iam_policy_document" "own_credentials_alternative" {
  statement {
    actions = [
      # ok: IAM040
      "iam:*AccessKey*",
    ]
    resources = ["arn:aws:iam::123456789012:user/&{aws:username}"]
  }
  statement {
    actions = [
      # ok: IAM040
      "iam:*LoginProfile",
    ]
    resources = ["arn:aws:iam::123456789012:user/staff/$${aws:username}"]
  }
}

resource "aws_iam_policy" "own_credentials_alternative" {
  name   = "own-credentials-alternative"
  policy = data.aws_iam_policy_document.own_credentials_alternative.json
}

resource "aws_iam_policy" "own_credentials" {
  name   = "own-credentials"
  policy = data.aws_iam_policy_document.own_credentials.json
}

data "aws_iam_policy_document" "others_credentials" {
  statement {
    sid = "AnyUser"
    actions = [
      # Every user's keys, not the caller's own.
      # expect: IAM040
      "iam:*AccessKey*",
    ]
    resources = ["arn:aws:iam::*:user/*"]
  }
  statement {
    sid = "OwnAndAnother"
    actions = [
      # One resource that is not the caller's own is enough.
      # expect: IAM040
      "iam:*LoginProfile*",
    ]
    resources = [
      "arn:aws:iam::*:user/$${aws:username}",
      "arn:aws:iam::*:user/admin",
    ]
  }
  statement {
    sid = "OwnUserBeyondCredentials"
    actions = [
      # iam:*User* reaches iam:DeleteUser, iam:UpdateUser, ...: more than one's own credentials.
      # expect: IAM040
      "iam:*User",
    ]
    resources = ["arn:aws:iam::*:user/$${aws:username}"]
  }
}

resource "aws_iam_policy" "others_credentials" {
  name   = "others-credentials"
  policy = data.aws_iam_policy_document.others_credentials.json
}

# Outside the data source &{...} is not a policy variable: IAM compares the text as written.
resource "aws_iam_policy" "not_a_variable" {
  name = "not-a-variable"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: IAM040
      Action   = "iam:*AccessKey*"
      Resource = "arn:aws:iam::*:user/&{aws:username}"
    }]
  })
}

# A wildcard in the path reaches other users' names too.
resource "aws_iam_policy" "wildcard_path" {
  name = "wildcard-path"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: IAM040
      Action   = "iam:*AccessKey*"
      Resource = "arn:aws:iam::*:user/*$${aws:username}"
    }]
  })
}
