# Policies written as text (heredocs, quoted JSON, templates) with computed parts: the known
# parts are read statement by statement, and each outcome of a directive counts.

variable "sid" {
  type = string
}

variable "with_s3" {
  type = bool
}

variable "queue_arns" {
  type = list(string)
}

resource "aws_s3_bucket" "data" {
  bucket = "holes-data"
}

data "aws_region" "current" {}

resource "aws_iam_policy" "heredoc_interpolations" {
  name   = "heredoc-interpolations"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "${var.sid}",
      "Effect": "Allow",
      "Action": [
        "kms:*"
      ],
      "Resource": "${aws_s3_bucket.data.arn}/*"
    }
  ]
}
EOF
}

resource "aws_iam_policy" "quoted_interpolation" {
  name = "quoted-interpolation"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"arn:aws:states:${data.aws_region.current.name}:123456789012:stateMachine:x\"}]}"
}

resource "aws_iam_policy" "heredoc_if" {
  name   = "heredoc-if"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
%{ if var.with_s3 ~}
    {
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": "*"
    },
%{ endif ~}
    {
      "Effect": "Allow",
      "Action": "ec2:DescribeInstances",
      "Resource": "*"
    }
  ]
}
EOF
}

resource "aws_iam_policy" "heredoc_for_unknown" {
  name   = "heredoc-for-unknown"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
%{ for i, arn in var.queue_arns ~}
    {
      "Effect": "Allow",
      "Action": "kms:*",
      "Resource": "${arn}"
    }%{ if i < length(var.queue_arns) - 1 },%{ endif }
%{ endfor ~}
  ]
}
EOF
}

resource "aws_iam_policy" "bare_hole" {
  name   = "bare-hole"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "secretsmanager:*",
      "Resource": ${jsonencode(var.queue_arns)}
    }
  ]
}
EOF
}

resource "aws_iam_policy" "from_template" {
  name = "from-template"
  policy = templatefile("${path.module}/policy.tpl.json", {
    bucket_arn = aws_s3_bucket.data.arn
    prefixes   = ["in", "out"]
  })
}

# The template provider's template_file, the older way to render a policy from a file.
data "template_file" "legacy" {
  template = file("${path.module}/legacy-policy.tpl.json")
  vars = {
    bucket_arn = aws_s3_bucket.data.arn
  }
}

resource "aws_iam_policy" "from_template_file" {
  name   = "from-template-file"
  policy = data.template_file.legacy.rendered
}
