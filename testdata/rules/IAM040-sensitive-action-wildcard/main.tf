# Fixtures for IAM040: partial wildcards that reach write actions (and no permissions management)
# of services that control identities, keys or secrets. Those reaching permissions management are IAM042's.

# example: noncompliant
data "aws_iam_policy_document" "rotate" {
  statement {
    actions = [
      # expect: IAM040
      "secretsmanager:Update*",
      # ok: IAM040
      # expect: IAM043
      "secretsmanager:Get*",
      # The permissions-management half is IAM042's.
      # ok: IAM040
      # expect: IAM042
      "kms:Re*",
    ]
    resources = ["*"]
  }
  statement {
    effect = "Deny"
    # ok: IAM040
    actions   = ["cloudtrail:Stop*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "rotate" {
  policy = data.aws_iam_policy_document.rotate.json
}

# Named resources and a condition do not change what the pattern grants: today's and tomorrow's actions.
resource "aws_iam_policy" "scoped" {
  name = "scoped"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: IAM040 severity=medium "a condition limits when, not what"
      Action    = "kms:Schedule*"
      Resource  = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}

# example: compliant
resource "aws_iam_policy" "upload_reports" {
  name = "upload-reports"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM040
      Action   = ["secretsmanager:UpdateSecret", "secretsmanager:GetSecretValue"]
      Resource = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-*"
    }]
  })
}
