# User data scripts: markers live in userdata.tf.expect, since a comment line would be script.
resource "aws_instance" "bootstrap" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  user_data = <<-EOT
    #!/bin/bash
    apt-get install -y awscli
    export AWS_ACCESS_KEY_ID=AKIA4QVN7R2XPLT3MZ8K
    export AWS_SECRET_ACCESS_KEY=wJalR2pXq9LmT4vB/8nZc1Hs6dYf0GuE3aKwNy5Q
    export AWS_REGION=eu-west-1
    git checkout 0123456789abcdef0123456789abcdef01234567
  EOT
}

resource "aws_instance" "config_file" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  user_data = <<-EOT
    #!/bin/bash
    mkdir -p ~/.aws
    cat << EOF > ~/.aws/credentials
    [default]
    aws_access_key_id = somekey
    aws_secret_access_key = somesecret
    EOF
  EOT
}

resource "aws_instance" "role_based" {
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  iam_instance_profile = "app"

  user_data = <<-EOT
    #!/bin/bash
    aws s3 cp s3://artifacts/app.tar.gz /opt/app.tar.gz
  EOT
}
