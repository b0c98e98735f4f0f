resource "aws_iam_role_policy" "deployer" {
  role = aws_iam_role.deployer.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: IAM007
      Action   = ["IAM:PassRole"]
      Resource = "*"
    }, {
      Effect = "Allow"
      # ok: IAM007
      Action   = ["iam:PassRole"]
      Resource = "arn:aws:iam::123456789012:role/app-lambda"
    }, {
      # A Deny with a condition cancels the Allow only sometimes: the Allow stays reported.
      Effect = "Deny"
      # ok: IAM007
      Action    = ["iam:PassRole"]
      Resource  = "*"
      Condition = { StringNotEquals = { "iam:PassedToService" = "lambda.amazonaws.com" } }
    }]
  })
}

# example: noncompliant
data "aws_iam_policy_document" "ci" {
  statement {
    # expect: IAM007
    # expect: IAM040
    actions   = ["iam:Pass*"]
    resources = ["*"]
  }
  statement {
    # ok: IAM007
    actions   = ["iam:GetRole"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "ci" {
  policy = data.aws_iam_policy_document.ci.json
}

resource "aws_iam_role" "deployer" {
  name               = "deployer"
  # expect: IAM064
  assume_role_policy = "{}"
}

# example: compliant
resource "aws_iam_policy" "pass_lambda_role" {
  name = "pass-lambda-role"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM007
      Action    = "iam:PassRole"
      Resource  = "arn:aws:iam::123456789012:role/lambda-exec"
      Condition = { StringEquals = { "iam:PassedToService" = "lambda.amazonaws.com" } }
    }]
  })
}
