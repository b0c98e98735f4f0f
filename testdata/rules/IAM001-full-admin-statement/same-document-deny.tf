# A Deny in the same document that removes everything the Allow grants: nothing to report.
resource "aws_iam_policy" "cancelled" {
  name = "cancelled"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # ok: IAM001
      { Effect = "Allow", Action = "*", Resource = "*" },
      { Effect = "Deny", Action = "*", Resource = "*" },
    ]
  })
}

# A Deny that removes only part of it, or only under a condition, leaves the Allow to report.
resource "aws_iam_policy" "partly_denied" {
  name = "partly-denied"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # expect: IAM001
      { Effect = "Allow", Action = "*", Resource = "*" },
      { Effect = "Deny", Action = "iam:*", Resource = "*" },
    ]
  })
}

resource "aws_iam_policy" "denied_with_condition" {
  name = "denied-with-condition"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # expect: IAM001
      { Effect = "Allow", Action = "*", Resource = "*" },
      { Effect = "Deny", Action = "*", Resource = "*", Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } } },
    ]
  })
}
