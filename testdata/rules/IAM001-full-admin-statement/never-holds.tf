# A statement whose condition can never hold grants nothing: nothing to report.
resource "aws_iam_policy" "expired" {
  name = "expired"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # ok: IAM001
      { Effect = "Allow", Action = "*", Resource = "*", Condition = { DateLessThan = { "aws:CurrentTime" = "2019-06-30" } } },
    ]
  })
}

# A condition that can hold leaves the grant to report.
resource "aws_iam_policy" "until_later" {
  name = "until-later"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # expect: IAM001
      { Effect = "Allow", Action = "*", Resource = "*", Condition = { DateLessThan = { "aws:CurrentTime" = "2999-06-30" } } },
    ]
  })
}
