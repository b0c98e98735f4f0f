# example: noncompliant
resource "aws_iam_role_policy" "bucket_admin" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: IAM002
      Action   = "*"
      Resource = ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]
    }]
  })
}

data "aws_iam_policy_document" "conditional" {
  statement {
    # expect: IAM002
    actions   = ["*:*"]
    resources = ["arn:aws:dynamodb:eu-west-1:123456789012:table/orders"]
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}

# example: compliant
resource "aws_iam_role_policy" "read_reports" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM002
      Action   = ["s3:GetObject"]
      Resource = "arn:aws:s3:::reports/*"
    }, {
      Effect = "Deny"
      # ok: IAM002
      Action   = "*"
      Resource = "arn:aws:s3:::audit/*"
    }, {
      Effect = "Allow"
      # ok: IAM002
      Action   = "*"
      Resource = "arn:aws:iam::aws:policy/AdministratorAccess"
    }]
  })
}

# Every action on S3 buckets gives no IAM action: no path to administrator.
# ok: IAM008
resource "aws_iam_role" "app" {
  name               = "app"
  # expect: IAM064
  assume_role_policy = "{}"
}

# "*" on "*" confined to the keys with one alias: every action on what the condition names.
data "aws_iam_policy_document" "key_operator" {
  statement {
    # expect: IAM002 "on the resources its condition names (kms:ResourceAliases)"
    # ok: IAM001
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "kms:ResourceAliases"
      values   = ["alias/app"]
    }
  }
}

resource "aws_iam_policy" "key_operator" {
  name   = "key-operator"
  policy = data.aws_iam_policy_document.key_operator.json
}
