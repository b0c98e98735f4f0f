data "aws_iam_policy_document" "deploy" {
  statement {
    actions = [
      # expect: IAM040
      "iam:Put*",
      # expect: IAM040
      "KMS:Create*",
      # ok: IAM040
      "iam:Get*",
      # ok: IAM040
      "s3:Put*",
    ]
    resources = ["*"]
  }
  statement {
    effect = "Deny"
    # ok: IAM040
    actions   = ["iam:*Policy*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "deploy" {
  policy = data.aws_iam_policy_document.deploy.json
}
