# Fixtures for IAM042: writing one's own policies is not self-service but escalation, so
# permissions-management wildcards on the caller's own user stay reported.

resource "aws_iam_policy" "own_policies" {
  name = "own-policies"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        # expect: IAM042
        "iam:Put*",
        # expect: IAM042
        "iam:Attach*",
      ]
      Resource = "arn:aws:iam::*:user/$${aws:username}"
    }]
  })
}

resource "aws_iam_policy" "own_keys" {
  name = "own-keys"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        # ok: IAM042
        # ok: IAM040
        "iam:*AccessKey*",
      ]
      Resource = "arn:aws:iam::*:user/$${aws:username}"
    }]
  })
}
