# A trust policy that names a user of the scan by reference names that user: MFA is required of
# people, whatever way they are written.

resource "aws_iam_user" "operator" {
  name = "operator"
}

resource "aws_iam_role" "deployer" {
  name = "deployer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = "sts:AssumeRole"
      Principal = {
        # expect: IAM055
        AWS = aws_iam_user.operator.arn
      }
    }]
  })
}

data "aws_iam_policy_document" "operator_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type = "AWS"
      # expect: IAM055
      identifiers = [aws_iam_user.operator.arn]
    }
  }
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type = "AWS"
      # ok: IAM055
      identifiers = [aws_iam_role.deployer.arn]
    }
  }
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type = "AWS"
      # ok: IAM055
      identifiers = [aws_iam_user.operator.arn]
    }
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role" "operator_role" {
  name               = "operator-role"
  assume_role_policy = data.aws_iam_policy_document.operator_trust.json
}
