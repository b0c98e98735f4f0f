# Fixtures for IAM043: reads of secrets, and changes to principals' tags, on every resource.

# example: noncompliant
data "aws_iam_policy_document" "app" {
  statement {
    # expect: IAM043
    actions   = ["secretsmanager:GetSecretValue", "ssm:GetParameters"]
    resources = ["*"]
  }
}

# example: compliant
data "aws_iam_policy_document" "app_scoped" {
  statement {
    # ok: IAM043
    actions   = ["secretsmanager:GetSecretValue", "ssm:GetParameters"]
    resources = [
      "arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*",
      "arn:aws:ssm:eu-west-1:111122223333:parameter/app/*",
    ]
  }
}

data "aws_iam_policy_document" "reader" {
  statement {
    # One finding for the statement, at its worst action, naming the others: the data read
    # (IAM044's) is named in this finding.
    actions = [
      # expect: IAM043
      "secretsmanager:GetSecretValue",
      "ssm:GetParameters",
      # ok: IAM044
      "s3:GetObject",
    ]
    resources = ["*"]
  }

  statement {
    # A partial wildcard counts: it reaches ssm:GetParameter, GetParameters, GetParametersByPath.
    # expect: IAM043
    actions   = ["ssm:GetParam*"]
    resources = ["*"]
  }

  statement {
    # Named resources: nothing to report.
    # ok: IAM043
    actions   = ["secretsmanager:GetSecretValue", "kms:Decrypt"]
    resources = ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*"]
  }

  statement {
    # Scoped by tag, as an ARN would scope it.
    # ok: IAM043
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/team"
      values   = ["payments"]
    }
  }

  statement {
    # Accepts only "*": BatchGetSecretValue checks GetSecretValue on each secret.
    # ok: IAM043
    actions   = ["secretsmanager:BatchGetSecretValue", "ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    # Service wildcards are IAM003's, * is IAM001's: one finding per action pattern.
    actions = [
      # expect: IAM003
      "ssm:*",
    ]
    resources = ["*"]
  }

  statement {
    # Writes and credential reads on every resource are one finding, this rule's (the more
    # severe), which names the writes too.
    actions = [
      # expect: IAM043
      "secretsmanager:GetSecretValue",
      # ok: IAM006
      "secretsmanager:PutSecretValue",
    ]
    resources = ["*"]
  }

  statement {
    effect = "Deny"
    # ok: IAM043
    actions   = ["kms:Decrypt"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "reader" {
  name   = "reader"
  policy = data.aws_iam_policy_document.reader.json
}

resource "aws_iam_role_policy" "tagger" {
  role = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # Tags on principals decide access where policies test aws:PrincipalTag.
      # expect: IAM043
      Action   = ["iam:TagRole", "iam:UntagRole"]
      Resource = "*"
    }, {
      Effect = "Allow"
      # ok: IAM043
      Action   = ["iam:TagRole"]
      Resource = "arn:aws:iam::111122223333:role/app-*"
    }, {
      Effect = "Allow"
      # kms:Decrypt is filed under write by AWS; this rule reports it, not IAM006.
      # expect: IAM043
      Action   = "kms:Decrypt"
      Resource = "*"
      Condition = {
        StringEquals = { "kms:ViaService" = "secretsmanager.eu-west-1.amazonaws.com" }
      }
    }]
  })
}
