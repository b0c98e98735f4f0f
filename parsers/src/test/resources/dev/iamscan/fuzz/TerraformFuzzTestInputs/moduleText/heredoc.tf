# Heredoc JSON: markers live in heredoc.tf.expect, since a comment line would break the JSON.
resource "aws_iam_user_policy" "heredoc" {
  user   = "deploy"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "Admin",
          "Effect": "Allow",
          "Action": "*",
          "Resource": "*"
        },
        {
          "Effect": "Allow",
          "Action": "ec2:Describe*",
          "Resource": "*"
        }
      ]
    }
  EOT
}

resource "aws_iam_policy" "from_file" {
  name   = "from-file"
  policy = file("${path.module}/admin-policy.json")
}
