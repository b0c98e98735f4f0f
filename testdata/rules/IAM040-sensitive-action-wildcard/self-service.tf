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
