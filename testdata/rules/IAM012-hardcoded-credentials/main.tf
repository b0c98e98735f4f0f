# Fixtures for IAM012: credentials written as literals in Terraform.
# The keys are the documented AWS examples; fixtures never hold real credentials.

provider "aws" {
  region = "eu-west-1"
  # The key id is named in its secret's finding: one credential, one finding.
  # ok: IAM012
  access_key = "AKIA4QVN7R2XPLT3MZ8K"
  # expect: IAM012 "with its access key id AKIA****"
  secret_key = "wJalR2pXq9LmT4vB/8nZc1Hs6dYf0GuE3aKwNy5Q"
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
  # expect: IAM012 "from the default of variable ci_access_key at line 25"
  default = "AKIAJ6WD2RB9TQ5NZH3C"
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
      # expect: IAM012 "written as a literal in environment.variables.AWS_SECRET_ACCESS_KEY"
      AWS_SECRET_ACCESS_KEY = "je7MqW8mZr2Lp/7Xc4Bv9Nd1Hs3Kg6YuF0aRt2Vw"
      # ok: IAM012
      GIT_SHA = "0123456789abcdef0123456789abcdef01234567"
      # ok: IAM012
      BUILD_TAG = "MYAKIA4QVN7R2XPLT3MZ8KX"
      # ok: IAM012
      ROLE_ARN = "arn:aws:iam::123456789012:role/worker-AKIA4QVN7R2XPLT3MZ8K_x"
      # ok: IAM012
      DB_PASSWORD = var.db_password
    }
  }
}

resource "aws_ssm_parameter" "ci_key" {
  name  = "/ci/key-id"
  type  = "String"
  value = var.ci_access_key
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
  value = "wJalR2pXq9LmT4vB/8nZc1Hs6dYf0GuE3aKwNy5Q"
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
      { name = "AWS_ACCESS_KEY_ID", value = "AKIA4QVN7R2XPLT3MZ8K" },
      { name = "LOG_LEVEL", value = "debug" },
    ]
  }])
}

# expect: IAM030
resource "aws_instance" "encoded" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  # expect: IAM012
  user_data_base64 = "IyEvYmluL2Jhc2gKYXdzIGNvbmZpZ3VyZSBzZXQgYXdzX3NlY3JldF9hY2Nlc3Nfa2V5IHdKYWxSMnBYcTlMbVQ0dkIvOG5aYzFIczZkWWYwR3VFM2FLd055NVEK"
}

# expect: IAM030
resource "aws_instance" "encoded_inline" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  # expect: IAM012
  user_data_base64 = base64encode("apt-get install -y awscli; export AWS_SECRET_ACCESS_KEY=Zq8Xn3Lr5Tb7Vm2Kc9Hd4Wf6Jy1Gp0Ns8Ue3Ao5")
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
  user_data = "echo export AWS_ACCESS_KEY_ID=AKIA4QVN7R2XPLT3MZ8K >> ~/.bashrc"
}

# A generated key handed on by reference is not a written-in secret: no finding shows the expression.
resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci" {
  # expect: IAM013
  user = aws_iam_user.ci.name
}

resource "aws_lambda_function" "uploader" {
  function_name = "uploader"
  role          = "arn:aws:iam::123456789012:role/uploader"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "uploader.zip"

  environment {
    # ok: IAM012
    variables = merge(var.extra_environment, {
      AWS_ACCESS_KEY_ID = aws_iam_access_key.ci.id
      # A generated key handed to a readable place is IAM015's finding, not a written-in secret.
      # expect: IAM015
      AWS_SECRET_ACCESS_KEY = aws_iam_access_key.ci.secret
    })
  }
}

variable "extra_environment" {
  type    = map(string)
  default = {}
}

# expect: IAM030
resource "aws_instance" "templated" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  # ok: IAM012
  # expect: IAM015
  user_data = templatefile("${path.module}/bootstrap.sh", { aws_secret_access_key = aws_iam_access_key.ci.secret })
}

# Placeholders stand for a credential without being one.
resource "aws_lambda_function" "placeholders" {
  function_name = "placeholders"
  role          = "arn:aws:iam::123456789012:role/placeholders"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "placeholders.zip"

  environment {
    variables = {
      # ok: IAM012
      AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
      # ok: IAM012
      AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
      # ok: IAM012
      DB_PASSWORD = "changeme"
      # ok: IAM012
      ADMIN_PASSWORD = "********"
      # ok: IAM012
      API_TOKEN = "<token>"
      # ok: IAM012
      SERVICE_SECRET = "xxxxxxxxxxxxxxxxxxxxxxxx"
      # ok: IAM012
      AWS_SESSION_TOKEN = "AKIA0000000000000000"
      # ok: IAM012
      REDIS_PASSWORD = "$${REDIS_PASSWORD}"
      # expect: IAM012 "a password written as a literal"
      SMTP_PASSWORD = "Tr0ub4dor-and-3"
    }
  }
}
