# Fixtures for IAM035: identity policies that allow sts:AssumeRole on every role.

resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_user_policy" "ci" {
  # expect: IAM010
  user = aws_iam_user.ci.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        # expect: IAM035
        # ok: IAM006
        Action   = "sts:AssumeRole"
        Resource = "*"
      },
      {
        Effect = "Allow"
        # ok: IAM035
        Action   = "sts:AssumeRole"
        Resource = "arn:aws:iam::123456789012:role/deployer"
      },
      {
        # A Deny with a condition cancels the Allow only sometimes: the Allow stays reported.
        Effect = "Deny"
        # ok: IAM035
        Action    = "sts:AssumeRole"
        Resource  = "*"
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } }
      },
    ]
  })
}

resource "aws_iam_policy" "switch" {
  name   = "switch"
  policy = data.aws_iam_policy_document.switch.json
}

# example: noncompliant
data "aws_iam_policy_document" "switch" {
  statement {
    sid = "AnyRoleAnywhere"
    # expect: IAM035
    # expect: IAM040
    actions   = ["sts:Assume*"]
    resources = ["arn:aws:iam::*:role/*"]
  }
  statement {
    sid = "ReadOnly"
    # ok: IAM035
    actions   = ["sts:GetCallerIdentity"]
    resources = ["*"]
  }
}

# example: compliant
resource "aws_iam_policy" "assume_deployer" {
  name = "assume-deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = "sts:AssumeRole"
      # ok: IAM035
      Resource = "arn:aws:iam::123456789012:role/deployer"
    }]
  })
}

# A document that nothing in the scan uses is handed to another module, and grants what it says.
data "aws_iam_policy_document" "handed_to_a_module" {
  statement {
    # expect: IAM035
    # ok: IAM006
    actions   = ["sts:AssumeRole"]
    resources = ["*"]
  }
}
