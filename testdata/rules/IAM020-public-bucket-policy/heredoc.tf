# Heredoc policy on a legacy bucket: markers in heredoc.tf.expect.
resource "aws_s3_bucket" "legacy" {
  bucket = "legacy-bucket"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": "*",
          "NotAction": "s3:DeleteBucket",
          "Resource": "arn:aws:s3:::legacy-bucket/*"
        },
        {
          "Effect": "Allow",
          "Principal": {"AWS": "*"},
          "Action": "s3:GetObject",
          "Resource": "arn:aws:s3:::legacy-bucket/*",
          "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}
        }
      ]
    }
  EOT
}
