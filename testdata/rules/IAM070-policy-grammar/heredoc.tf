resource "aws_iam_user_policy" "heredoc" {
  name   = "heredoc"
  user   = "deploy"
  policy = <<-POLICY
    {
      "Version": "2012-10-18",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "s3:GetObject",
          "Resource": "arn:aws:s3:::reports/*",
          "Principal": "*"
        },
        {
          "Effect": "Allow",
          "Action": "s3:GetObject",
          "Resource": "arn:aws:s3:::reports/*"
        }
      ]
    }
  POLICY
}

resource "aws_iam_user_policy" "partial" {
  name   = "partial"
  user   = "deploy"
  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "s3:GetObject",
          "Resource": "arn:aws:s3:::${var.bucket}/*",
          "Condition": { "StringEqual": { "s3:prefix": "${var.bucket}" } }
        }
      ]
    }
  POLICY
}

variable "bucket" {
  type = string
}
