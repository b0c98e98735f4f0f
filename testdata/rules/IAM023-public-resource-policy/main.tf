# Fixtures for IAM023: public resource policies other than bucket policies, in Terraform.

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_sqs_queue_policy" "jobs" {
  queue_url = aws_sqs_queue.jobs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "AnyoneSends"
        Effect = "Allow"
        # expect: IAM023
        Principal = "*"
        Action    = "sqs:SendMessage"
        Resource  = aws_sqs_queue.jobs.arn
      },
      {
        Sid    = "FromTopic"
        Effect = "Allow"
        # ok: IAM023
        Principal = "*"
        Action    = "sqs:SendMessage"
        Resource  = aws_sqs_queue.jobs.arn
        Condition = { ArnEquals = { "aws:SourceArn" = "arn:aws:sns:us-east-1:123456789012:events" } }
      },
    ]
  })
}

# example: noncompliant
resource "aws_sns_topic" "events" {
  name = "events"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: IAM023
      Principal = { AWS = ["*"] }
      Action    = ["SNS:Subscribe", "SNS:GetTopicAttributes"]
      Resource  = "*"
    }]
  })
}

data "aws_caller_identity" "current" {}

resource "aws_kms_key" "main" {
  description = "main"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "RootAccount"
        Effect = "Allow"
        # ok: IAM023
        Principal = { AWS = "arn:aws:iam::123456789012:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid    = "Everyone"
        Effect = "Allow"
        # expect: IAM023
        Principal = { AWS = "*" }
        Action    = "kms:Decrypt"
        Resource  = "*"
      },
      {
        Sid    = "SameAccountOnly"
        Effect = "Allow"
        # ok: IAM023
        Principal = { AWS = "*" }
        Action    = ["kms:Encrypt", "kms:Decrypt"]
        Resource  = "*"
        Condition = { StringEquals = { "kms:CallerAccount" = "123456789012" } }
      },
    ]
  })
}

resource "aws_ecr_repository" "app" {
  name = "app"
}

data "aws_iam_policy_document" "ecr" {
  statement {
    sid     = "Pull"
    actions = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    principals {
      type = "*"
      # expect: IAM023
      identifiers = ["*"]
    }
  }
  statement {
    sid     = "DenyOutsideOrg"
    effect  = "Deny"
    actions = ["ecr:*"]
    principals {
      type = "*"
      # ok: IAM023
      identifiers = ["*"]
    }
  }
}

resource "aws_ecr_repository_policy" "app" {
  repository = aws_ecr_repository.app.name
  policy     = data.aws_iam_policy_document.ecr.json
}

# example: compliant
resource "aws_vpc_endpoint" "s3" {
  vpc_id       = "vpc-12345678"
  service_name = "com.amazonaws.us-east-1.s3"
  policy = jsonencode({
    Statement = [{
      Effect = "Allow"
      # ok: IAM023
      Principal = "*"
      Action    = "*"
      Resource  = "*"
    }]
  })
}

# A search domain in a VPC has no public endpoint: an open access policy is not public.
resource "aws_opensearch_domain" "private" {
  domain_name = "private"
  vpc_options {
    subnet_ids         = ["subnet-0a1b2c3d"]
    security_group_ids = ["sg-0a1b2c3d"]
  }
  access_policies = jsonencode({
    Statement = [{
      Effect = "Allow"
      # ok: IAM023
      Principal = { AWS = "*" }
      Action    = "es:*"
      Resource  = "arn:aws:es:eu-west-1:123456789012:domain/private/*"
    }]
  })
}

resource "aws_elasticsearch_domain" "legacy_private" {
  domain_name = "legacy-private"
  vpc_options {
    subnet_ids = var.subnet_ids
  }
}

variable "subnet_ids" {
  type = list(string)
}

resource "aws_elasticsearch_domain_policy" "legacy_private" {
  domain_name = aws_elasticsearch_domain.legacy_private.domain_name
  access_policies = jsonencode({
    Statement = [{
      Effect = "Allow"
      # ok: IAM023
      Principal = "*"
      Action    = "es:ESHttpGet"
      Resource  = "${aws_elasticsearch_domain.legacy_private.arn}/*"
    }]
  })
}

# The same policy on a domain with a public endpoint is public.
resource "aws_opensearch_domain" "public" {
  domain_name = "public"
}

resource "aws_opensearch_domain_policy" "public" {
  domain_name = aws_opensearch_domain.public.domain_name
  access_policies = jsonencode({
    Statement = [{
      Effect = "Allow"
      # expect: IAM023 "OpenSearch domain access policy"
      Principal = "*"
      Action    = "es:ESHttpGet"
      Resource  = "${aws_opensearch_domain.public.arn}/*"
    }]
  })
}

# A placement the scan cannot expand hides nothing.
variable "vpc" {
  type = list(object({ subnet_ids = list(string) }))
}

resource "aws_opensearch_domain" "maybe" {
  domain_name = "maybe"
  dynamic "vpc_options" {
    for_each = var.vpc
    content {
      subnet_ids = vpc_options.value.subnet_ids
    }
  }
  access_policies = jsonencode({
    Statement = [{
      Effect = "Allow"
      # expect: IAM023
      Principal = "*"
      Action    = "es:ESHttpGet"
      Resource  = "arn:aws:es:eu-west-1:123456789012:domain/maybe/*"
    }]
  })
}

# One subnet or two: in a VPC whichever the condition picks.
variable "single_node" {
  type = bool
}

resource "aws_opensearch_domain" "either_subnets" {
  domain_name = "either"
  vpc_options {
    subnet_ids = var.single_node ? ["subnet-0a1b2c3d"] : ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
  access_policies = jsonencode({
    Statement = [{
      Effect = "Allow"
      # ok: IAM023
      Principal = "*"
      Action    = "es:ESHttpGet"
      Resource  = "arn:aws:es:eu-west-1:123456789012:domain/either/*"
    }]
  })
}

# No subnets under one branch: a public endpoint then.
resource "aws_opensearch_domain" "subnets_or_none" {
  domain_name = "or-none"
  vpc_options {
    subnet_ids = var.single_node ? ["subnet-0a1b2c3d"] : []
  }
  access_policies = jsonencode({
    Statement = [{
      Effect = "Allow"
      # expect: IAM023
      Principal = "*"
      Action    = "es:ESHttpGet"
      Resource  = "arn:aws:es:eu-west-1:123456789012:domain/or-none/*"
    }]
  })
}
