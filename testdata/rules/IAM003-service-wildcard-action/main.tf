resource "aws_iam_user_policy" "ops" {
  user = aws_iam_user.ops.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = [
          # expect: IAM003
          "IAM:*",
          # expect: IAM003
          "s3:*",
          # ok: IAM003
          # expect: IAM041
          "ec2:Describe*",
        ]
        Resource = "*"
      },
      {
        Effect = "Deny"
        # ok: IAM003
        Action   = "iam:*"
        Resource = "*"
      },
      {
        Effect = "Allow"
        Action = [
          # ok: IAM003
          "s3:*",
          # expect: IAM003
          "kms:*",
        ]
        Resource = ["arn:aws:s3:::reports/*", "arn:aws:kms:eu-west-1:123456789012:key/abcd"]
      },
    ]
  })
}

resource "aws_iam_user" "ops" {
  name = "ops"
}

# The SSM Agent's message channels: every action is needed and none accepts more than "*".
resource "aws_iam_role_policy" "ssm_agent" {
  role = "instance"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM003
      Action   = ["ssmmessages:*", "ec2messages:*"]
      Resource = "*"
    }]
  })
}
