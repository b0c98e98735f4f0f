# "{}" as a source or override document adds nothing and is valid; "{}" as the policy itself is not.

data "aws_iam_policy_document" "base" {
  # ok: IAM064
  override_policy_documents = ["{}"]
  source_policy_documents   = ["{}"]
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
}

resource "aws_iam_policy" "base" {
  name   = "base"
  policy = data.aws_iam_policy_document.base.json
}

resource "aws_iam_policy" "empty" {
  name = "empty"
  # expect: IAM064
  policy = "{}"
}
