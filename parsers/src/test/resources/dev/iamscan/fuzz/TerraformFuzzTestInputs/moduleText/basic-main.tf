resource "aws_iam_user" "deploy" {
  name = "deploy-${var.env}"
  path = var.path
}

resource "aws_iam_user_policy" "heredoc" {
  user   = aws_iam_user.deploy.name
  policy = <<EOT
{
  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
}
EOT
}

resource "aws_iam_role_policy" "flush" {
  role = aws_iam_user.deploy[0].arn
  policy = <<-EOT
    {
      "Version": "2012-10-17"
    }
  EOT
}

resource "aws_iam_policy" "encoded" {
  name = local.full_name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:*"]
        Resource = "*"
      },
    ]
  })
  description = "doc: ${jsonencode({ a = 1 })}"
}

resource "aws_iam_policy" "from_file" {
  policy = file("${path.module}/policy.json")
  tags   = merge(local.tags, { Extra = upper("x") })
}

resource "aws_iam_access_key" "never" {
  count = var.create_key ? 1 : 0
  user  = aws_iam_user.deploy.name
}

resource "aws_iam_access_key" "maybe" {
  count = var.unknown_flag ? 1 : 0
  user  = module.site.role_arn
}

data "aws_iam_policy_document" "doc" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
  dynamic "statement" {
    for_each = local.grants
    content {
      actions   = statement.value.actions
      resources = [statement.key]
    }
  }
  dynamic "statement" {
    for_each = var.unknown_list
    iterator = s
    content {
      actions = s.value
    }
  }
}

resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.doc.json
  tags = {
    ("k8s.io/${var.env}") = "owned"
  }
  numeric = {
    0 = { a = "zero" }
  }
  keyed = { for k, v in local.grants : "${k}_${v.sid}" => v.actions }
}

locals {
  full_name = "${local.prefix}-policy"
  prefix    = "team-${var.env}"
  tags      = { Owner = "sec" }
  loop_a    = local.loop_b
  loop_b    = local.loop_a
  grants = {
    "arn:aws:s3:::a" = { sid = "A", actions = ["s3:GetObject"] }
    "arn:aws:s3:::b" = { sid = "B", actions = ["s3:PutObject"] }
  }
}

resource "aws_s3_bucket" "loop" {
  bucket = local.loop_a
}

provider "aws" {
  alias  = "east"
  region = "us-east-1"
}
