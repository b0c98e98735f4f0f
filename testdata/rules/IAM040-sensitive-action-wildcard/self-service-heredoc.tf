resource "aws_iam_group_policy" "own_keys" {
  group  = "staff"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["iam:*AccessKey*", "iam:*MFADevice"],
      "Resource": "arn:aws:iam::123456789012:user/$${aws:username}"
    },
    {
      "Effect": "Allow",
      "Action": "iam:*SigningCertificate*",
      "Resource": "arn:aws:iam::123456789012:user/$${aws:username}/*"
    }
  ]
}
EOT
}
