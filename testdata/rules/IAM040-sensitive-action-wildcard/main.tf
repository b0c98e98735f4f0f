# example: noncompliant
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
      # expect: IAM006
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

# example: compliant
resource "aws_iam_policy" "upload_reports" {
  name = "upload-reports"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM040
      Action   = ["s3:PutObject", "s3:PutObjectTagging"]
      Resource = "arn:aws:s3:::reports/*"
    }]
  })
}
