variable "key_id" {
  type = string
}

variable "key_secret" {
  type = string
}

locals {
  bootstrap = <<-EOT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=${var.key_id}
    export AWS_SECRET_ACCESS_KEY=${var.key_secret}
  EOT
}

resource "aws_instance" "worker" {
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  iam_instance_profile = "worker"
  user_data            = base64encode(local.bootstrap)
}
