# Fixtures for IAM064: policy strings that are not valid JSON; markers in heredoc.tf.expect.
resource "aws_iam_policy" "trailing_comma" {
  name   = "broken"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "s3:GetObject",
          "Resource": "arn:aws:s3:::reports/*",
        }
      ]
    }
  EOT
}

resource "aws_iam_policy" "valid" {
  name   = "valid"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "s3:GetObject",
          "Resource": "arn:aws:s3:::reports/*"
        }
      ]
    }
  EOT
}
