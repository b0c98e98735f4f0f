# example: noncompliant
resource "aws_iam_group_policy" "devs" {
  group = aws_iam_group.devs.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = "s3:PutObject"
      # expect: IAM005
      NotResource = "arn:aws:s3:::audit-logs/*"
    }, {
      Effect = "Deny"
      Action = "s3:*"
      # ok: IAM005
      NotResource = "arn:aws:s3:::reports/*"
    }]
  })
}

resource "aws_iam_group" "devs" {
  name = "devs"
}

# example: compliant
resource "aws_iam_policy" "reports_only" {
  name = "reports-only"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = "s3:GetObject"
      # ok: IAM005
      Resource = "arn:aws:s3:::reports/*"
    }]
  })
}
