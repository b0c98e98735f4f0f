# example: noncompliant
data "aws_iam_policy_document" "deploy" {
  statement {
    actions = [
      # expect: IAM042
      "iam:Put*",
      # expect: IAM042
      "KMS:Create*",
      # ok: IAM042
      "iam:Get*",
      # ok: IAM042
      # expect: IAM041
      "s3:Put*",
    ]
    resources = ["*"]
  }
  statement {
    effect = "Deny"
    # ok: IAM042
    actions   = ["iam:*Policy*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "deploy" {
  policy = data.aws_iam_policy_document.deploy.json
}

# example: compliant
resource "aws_iam_policy" "put_app_policies" {
  name = "put-app-policies"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM042
      Action   = "iam:PutRolePolicy"
      Resource = "arn:aws:iam::123456789012:role/app-*"
    }]
  })
}
