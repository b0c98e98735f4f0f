# Fixtures for IAM044: reads of stored data on every resource.

# example: noncompliant
data "aws_iam_policy_document" "reports" {
  statement {
    # expect: IAM044
    actions   = ["s3:GetObject", "dynamodb:Query"]
    resources = ["*"]
  }
}

# example: compliant
data "aws_iam_policy_document" "reports_scoped" {
  statement {
    # ok: IAM044
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports-111122223333/*"]
  }
}

resource "aws_iam_role_policy" "worker" {
  role = "worker"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # A partial wildcard counts: dynamodb:*GetItem reaches GetItem and BatchGetItem.
      # expect: IAM044
      Action   = ["dynamodb:*GetItem"]
      Resource = "*"
    }, {
      Effect = "Allow"
      # Writes and data reads on every resource are one finding, IAM006's, which names the reads.
      Action = [
        # ok: IAM044
        "sqs:ReceiveMessage",
        # expect: IAM006
        "sqs:SendMessage",
      ]
      Resource = "*"
    }, {
      Effect = "Allow"
      # List actions are not data reads.
      # ok: IAM044
      Action   = ["s3:ListBucket", "dynamodb:ListTables"]
      Resource = "*"
    }, {
      Effect = "Allow"
      # Scoped by tag, as an ARN would scope it.
      # ok: IAM044
      Action   = "s3:GetObject"
      Resource = "*"
      Condition = {
        StringEquals = { "aws:ResourceTag/team" = "payments" }
      }
    }]
  })
}
