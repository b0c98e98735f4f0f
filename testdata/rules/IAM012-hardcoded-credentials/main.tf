# Fixtures for IAM012: credentials written as literals in Terraform.
# The keys are the documented AWS examples; fixtures never hold real credentials.

provider "aws" {
  region = "eu-west-1"
  # expect: IAM012
  access_key = "AKIAIOSFODNN7EXAMPLE"
  # expect: IAM012
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

# example: compliant
provider "aws" {
  alias  = "from_environment"
  region = "us-east-1"
  # ok: IAM012
  profile = "deploy"
}

# example: noncompliant
variable "ci_access_key" {
  type = string
  # expect: IAM012
  default = "AKIAI44QH8DHBEXAMPLE"
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/worker"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "worker.zip"

  environment {
    variables = {
      # expect: IAM012
      AWS_SECRET_ACCESS_KEY = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
      CI_KEY                = var.ci_access_key
      # ok: IAM012
      GIT_SHA = "0123456789abcdef0123456789abcdef01234567"
      # ok: IAM012
      BUILD_TAG = "MYAKIAIOSFODNN7EXAMPLEX"
      # ok: IAM012
      ROLE_ARN = "arn:aws:iam::123456789012:role/worker-AKIAIOSFODNN7EXAMPLE_x"
      # ok: IAM012
      DB_PASSWORD = var.db_password
    }
  }
}

resource "aws_db_instance" "main" {
  identifier     = "main"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  username       = "app"
  # expect: IAM012
  password = "Sup3r-Secret-Pa55"
}

resource "aws_db_instance" "managed" {
  identifier     = "managed"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  username       = "app"
  # ok: IAM012
  manage_master_user_password = true
}

resource "aws_ssm_parameter" "ci_secret" {
  name = "/ci/aws_secret_access_key"
  type = "String"
  # expect: IAM012
  value = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

resource "random_password" "db" {
  length = 32
}

resource "aws_ssm_parameter" "db_password" {
  name = "/app/db/password"
  type = "SecureString"
  # ok: IAM012
  value = random_password.db.result
}

resource "aws_ssm_parameter" "region" {
  name = "/app/region"
  type = "String"
  # ok: IAM012
  value = "eu-west-1"
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([{
    name  = "app"
    image = "app:latest"
    environment = [
      # expect: IAM012
      { name = "AWS_ACCESS_KEY_ID", value = "AKIAIOSFODNN7EXAMPLE" },
      { name = "LOG_LEVEL", value = "debug" },
    ]
  }])
}

# expect: IAM030
resource "aws_instance" "encoded" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  # expect: IAM012
  user_data_base64 = "IyEvYmluL2Jhc2gKYXdzIGNvbmZpZ3VyZSBzZXQgYXdzX3NlY3JldF9hY2Nlc3Nfa2V5IHdKYWxyWFV0bkZFTUkvSzdNREVORy9iUHhSZmlDWUVYQU1QTEVLRVkK"
}

# expect: IAM030
resource "aws_instance" "encoded_inline" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  # expect: IAM012
  user_data_base64 = base64encode("apt-get install -y awscli; export AWS_SECRET_ACCESS_KEY=your_secret_access_key_here")
}

# expect: IAM030
resource "aws_instance" "from_environment" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  # ok: IAM012
  user_data = "export AWS_SECRET_ACCESS_KEY=$SECRET_FROM_SSM; aws s3 ls"
}

# expect: IAM030
resource "aws_instance" "digits_only" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  # ok: IAM012
  user_data = "1234567890123456789012345678901234567890$"
}

# expect: IAM030
resource "aws_instance" "credentials_file" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  provisioner "file" {
    source = "conf/aws-credentials"
    # expect: IAM012
    destination = "~/.aws/credentials"
  }
}

module "bastion" {
  source = "terraform-aws-modules/ec2-instance/aws"
  name   = "bastion"
  # expect: IAM012
  user_data = "echo export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE >> ~/.bashrc"
}
