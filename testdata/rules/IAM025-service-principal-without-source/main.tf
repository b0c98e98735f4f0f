# Fixtures for IAM025: AWS service principals let in without a source condition.

# example: noncompliant
resource "aws_lambda_permission" "from_s3" {
  statement_id  = "FromUploads"
  action        = "lambda:InvokeFunction"
  function_name = "thumbnail"
  # expect: IAM025
  principal = "s3.amazonaws.com"
}

# example: compliant
resource "aws_lambda_permission" "from_s3_pinned" {
  statement_id   = "FromUploadsPinned"
  action         = "lambda:InvokeFunction"
  function_name  = "thumbnail"
  # ok: IAM025
  principal      = "s3.amazonaws.com"
  source_arn     = "arn:aws:s3:::uploads-111122223333"
  source_account = "111122223333"
}

resource "aws_lambda_permission" "from_cognito" {
  action        = "lambda:InvokeFunction"
  function_name = "pre-sign-up"
  # expect: IAM025
  principal = "cognito-idp.amazonaws.com"
}

resource "aws_lambda_permission" "from_rule" {
  action        = "lambda:InvokeFunction"
  function_name = "nightly"
  # ok: IAM025
  principal  = "events.amazonaws.com"
  source_arn = var.rule_arn
}

resource "aws_lambda_permission" "from_account" {
  action        = "lambda:InvokeFunction"
  function_name = "nightly"
  # An account is not a service: nothing to pin.
  # ok: IAM025
  principal = "111122223333"
}

variable "rule_arn" {
  type = string
}

data "aws_iam_policy_document" "queue" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["arn:aws:sqs:eu-west-1:111122223333:events"]
    principals {
      type = "Service"
      # expect: IAM025
      identifiers = ["sns.amazonaws.com", "events.amazonaws.com"]
    }
  }

  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["arn:aws:sqs:eu-west-1:111122223333:events"]
    principals {
      type = "Service"
      # ok: IAM025
      identifiers = ["sns.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = ["arn:aws:sns:eu-west-1:111122223333:orders"]
    }
  }
}

resource "aws_sqs_queue_policy" "events" {
  queue_url = "https://sqs.eu-west-1.amazonaws.com/111122223333/events"
  policy    = data.aws_iam_policy_document.queue.json
}

resource "aws_s3_bucket_policy" "trail" {
  bucket = "trail-logs-111122223333"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "AclCheck"
      Effect = "Allow"
      # A read alone hands nothing over: the write below is reported.
      # ok: IAM025
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "s3:GetBucketAcl"
      Resource  = "arn:aws:s3:::trail-logs-111122223333"
    }, {
      Sid    = "Write"
      Effect = "Allow"
      # expect: IAM025
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "s3:PutObject"
      Resource  = "arn:aws:s3:::trail-logs-111122223333/AWSLogs/111122223333/*"
    }, {
      Sid    = "WritePinned"
      Effect = "Allow"
      # ok: IAM025
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "s3:PutObject"
      Resource  = "arn:aws:s3:::trail-logs-111122223333/AWSLogs/111122223333/*"
      Condition = {
        StringEquals = { "aws:SourceArn" = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main" }
      }
    }]
  })
}

resource "aws_kms_key" "logs" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # CloudWatch Logs sets the encryption context to the log group's ARN.
      # ok: IAM025
      Principal = { Service = "logs.eu-west-1.amazonaws.com" }
      Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*"]
      Resource  = "*"
      Condition = {
        ArnLike = { "kms:EncryptionContext:aws:logs:arn" = "arn:aws:logs:eu-west-1:111122223333:log-group:*" }
      }
    }]
  })
}

resource "aws_sns_topic_policy" "alerts" {
  arn = "arn:aws:sns:eu-west-1:111122223333:alerts"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # A negated or IfExists test, or a "*" value, pins nothing.
      # expect: IAM025
      Principal = { Service = "events.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = "arn:aws:sns:eu-west-1:111122223333:alerts"
      Condition = {
        StringNotEquals    = { "aws:SourceAccount" = "444455556666" }
        ArnLikeIfExists    = { "aws:SourceArn" = "arn:aws:events:eu-west-1:111122223333:rule/*" }
      }
    }, {
      Effect = "Allow"
      # expect: IAM025
      Principal = { Service = "cloudwatch.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = "arn:aws:sns:eu-west-1:111122223333:alerts"
      Condition = {
        StringLike = { "aws:SourceArn" = "*" }
      }
    }, {
      Effect = "Allow"
      # A condition iamscan cannot resolve is not guessed to be open.
      # ok: IAM025
      Principal = { Service = "cloudwatch.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = "arn:aws:sns:eu-west-1:111122223333:alerts"
      Condition = {
        ArnLike = { "aws:SourceArn" = var.alarm_arns }
      }
    }]
  })
}

variable "alarm_arns" {
  type = list(string)
}

resource "aws_lambda_permission" "from_alexa" {
  action             = "lambda:InvokeFunction"
  function_name      = "smart-home"
  # An Alexa Smart Home skill is pinned by its token.
  # ok: IAM025
  principal          = "alexa-connectedhome.amazonaws.com"
  event_source_token = var.skill_id
}

variable "skill_id" {
  type = string
}
