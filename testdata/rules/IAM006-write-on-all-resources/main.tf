resource "aws_iam_role_policy" "worker" {
  role = aws_iam_role.worker.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        # ok: IAM006
        "ec2:Describe*",
        # ok: IAM006
        "s3:GetObject",
        # ok: IAM006
        "s3:ListAllMyBuckets",
        # ok: IAM006
        "ec2:CreateDefaultVpc",
        # expect: IAM041
        "iam:PutRolePolicy",
        # named in the statement's one finding, at iam:PutRolePolicy
        "dynamodb:PutItem",
        "s3:Put*",
      ]
      Resource = "*"
    }, {
      Effect = "Allow"
      # ok: IAM006
      Action   = ["dynamodb:DeleteItem"]
      Resource = "arn:aws:dynamodb:eu-west-1:123456789012:table/jobs"
    }, {
      # Many write actions on "*" in one statement are one finding, not one per action.
      Effect = "Allow"
      Action = [
        # expect: IAM006
        "s3:PutObject",
        "s3:DeleteObject",
        "s3:PutObjectTagging",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
        "sqs:SendMessage",
        "sqs:DeleteMessage",
        "sns:Publish",
        "logs:PutLogEvents",
        "lambda:InvokeFunction",
        "kinesis:PutRecord",
      ]
      Resource = "*"
    }, {
      Effect = "Deny"
      # ok: IAM006
      Action   = ["iam:PutRolePolicy"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_role" "worker" {
  name               = "worker"
  # expect: IAM064
  assume_role_policy = "{}"
}

# example: compliant
resource "aws_iam_policy" "send_jobs" {
  name = "send-jobs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM006
      Action   = "sqs:SendMessage"
      Resource = "arn:aws:sqs:eu-west-1:123456789012:jobs"
    }]
  })
}

# Actions that accept only "*" are never findings: the classic PutMetricData API authorizes
# against "*" and is scoped by the cloudwatch:namespace condition key.
resource "aws_iam_role_policy" "metrics" {
  role = aws_iam_role.worker.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM006
      Action   = ["cloudwatch:PutMetricData", "xray:PutTraceSegments", "ssmmessages:CreateControlChannel"]
      Resource = "*"
    }]
  })
}
