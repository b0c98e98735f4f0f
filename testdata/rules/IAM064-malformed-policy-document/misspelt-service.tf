# An action whose service prefix is a near miss of a real one matches nothing and grants nothing:
# an invalid document, not an overbroad grant.

resource "aws_iam_policy" "user_pool_admin" {
  name = "user-pool-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        # expect: IAM064
        # ok: IAM003
        "cognitoidp:*",
        # ok: IAM064
        "cognito-idp:ListUserPools",
      ]
      Resource = "*"
    }]
  })
}
