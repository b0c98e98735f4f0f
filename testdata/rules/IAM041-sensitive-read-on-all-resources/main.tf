# Fixtures for IAM041: reads of secrets and data, and changes to principals' tags, on every resource.

# example: noncompliant
data "aws_iam_policy_document" "app" {
  statement {
    # expect: IAM041
    actions   = ["secretsmanager:GetSecretValue", "ssm:GetParameters"]
    resources = ["*"]
  }
}

# example: compliant
data "aws_iam_policy_document" "app_scoped" {
  statement {
    # ok: IAM041
    actions   = ["secretsmanager:GetSecretValue", "ssm:GetParameters"]
    resources = [
      "arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*",
      "arn:aws:ssm:eu-west-1:111122223333:parameter/app/*",
    ]
  }
}

data "aws_iam_policy_document" "reader" {
  statement {
    # One finding for the statement, at its worst action, naming the others.
    actions = [
      # expect: IAM041
      "secretsmanager:GetSecretValue",
      "ssm:GetParameters",
      "s3:GetObject",
    ]
    resources = ["*"]
  }

  statement {
    # A partial wildcard counts: it reaches ssm:GetParameter, GetParameters, GetParametersByPath.
    # expect: IAM041
    actions   = ["ssm:GetParam*"]
    resources = ["*"]
  }

  statement {
    # Named resources: nothing to report.
    # ok: IAM041
    actions   = ["secretsmanager:GetSecretValue", "kms:Decrypt"]
    resources = ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*"]
  }

  statement {
    # Scoped by tag, as an ARN would scope it.
    # ok: IAM041
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
    # ok: IAM041
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
    # Writes and reads on every resource are one finding, IAM006's, which names the reads too.
    actions = [
      # ok: IAM041
      "secretsmanager:GetSecretValue",
      # expect: IAM006
      "secretsmanager:PutSecretValue",
    ]
    resources = ["*"]
  }

  statement {
    effect = "Deny"
    # ok: IAM041
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
      # expect: IAM041
      Action   = ["iam:TagRole", "iam:UntagRole"]
      Resource = "*"
    }, {
      Effect = "Allow"
      # ok: IAM041
      Action   = ["iam:TagRole"]
      Resource = "arn:aws:iam::111122223333:role/app-*"
    }, {
      Effect = "Allow"
      # kms:Decrypt is filed under write by AWS; this rule reports it, not IAM006.
      # expect: IAM041
      Action   = "kms:Decrypt"
      Resource = "*"
      Condition = {
        StringEquals = { "kms:ViaService" = "secretsmanager.eu-west-1.amazonaws.com" }
      }
    }]
  })
}
