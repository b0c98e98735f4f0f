# example: noncompliant
data "aws_iam_policy_document" "all_but_iam" {
  statement {
    effect = "Allow"
    # expect: IAM004
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
  statement {
    effect = "Deny"
    # ok: IAM004
    not_actions = ["s3:GetObject"]
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "all_but_iam" {
  policy = data.aws_iam_policy_document.all_but_iam.json
}

# example: compliant
resource "aws_iam_role_policy" "scoped" {
  role = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM004
      # expect: IAM044
      Action   = ["s3:GetObject"]
      Resource = "*"
    }]
  })
}
