# Fixtures for IAM063: statements without a valid Effect.

# example: noncompliant
resource "aws_iam_policy" "effects" {
  name = "effects"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # expect: IAM063
      {
        Action   = "s3:GetObject"
        Resource = "arn:aws:s3:::reports/*"
      },
      {
        # expect: IAM063
        Effect   = "allow"
        Action   = "s3:GetObject"
        Resource = "arn:aws:s3:::reports/*"
      },
      # ok: IAM063
      {
        Effect   = "Deny"
        Action   = "s3:DeleteObject"
        Resource = "arn:aws:s3:::reports/*"
      },
    ]
  })
}

# The data source defaults to Allow.
# example: compliant
data "aws_iam_policy_document" "defaulted" {
  # ok: IAM063
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
}

resource "aws_iam_policy" "defaulted" {
  name   = "defaulted"
  policy = data.aws_iam_policy_document.defaulted.json
}
