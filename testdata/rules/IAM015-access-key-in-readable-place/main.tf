# Fixtures for IAM015: the secret of an access key the module creates, put where others can read it.

resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci" {
  # expect: IAM013
  user = aws_iam_user.ci.name
}

# An interpolation in user data: one finding names the secret and the id beside it.
# example: noncompliant
resource "aws_instance" "worker" {
  ami           = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  iam_instance_profile = "worker"
  user_data = <<-EOT
    #!/bin/bash
    aws configure set aws_access_key_id ${aws_iam_access_key.ci.id}
    # expect: IAM015 severity=high "secret access key and access key id of access key aws_iam_access_key.ci are put into the user data of aws_instance.worker"
    aws configure set aws_secret_access_key ${aws_iam_access_key.ci.secret}
  EOT
}

# Through a local and base64encode.
locals {
  credentials_script = "export AWS_SECRET_ACCESS_KEY=${aws_iam_access_key.ci.secret}"
}

resource "aws_launch_template" "workers" {
  name_prefix = "workers"
  iam_instance_profile {
    name = "worker"
  }
  # expect: IAM015 "aws_launch_template.workers"
  user_data = base64encode(local.credentials_script)
}

# As a templatefile() argument.
resource "aws_launch_configuration" "workers" {
  image_id      = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  iam_instance_profile = "worker"
  # expect: IAM015 "every process on its instances"
  user_data = templatefile("${path.module}/bootstrap.sh", { secret = aws_iam_access_key.ci.secret })
}

resource "aws_s3_object" "credentials" {
  bucket = "ci-config"
  key    = "credentials.json"
  # expect: IAM015 "s3:GetObject"
  content = jsonencode({ id = aws_iam_access_key.ci.id, secret = aws_iam_access_key.ci.secret })
}

resource "aws_lambda_function" "deployer" {
  function_name = "deployer"
  role          = "arn:aws:iam::123456789012:role/deployer"
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "deployer.zip"
  environment {
    variables = {
      AWS_ACCESS_KEY_ID = aws_iam_access_key.ci.id
      # expect: IAM015 "lambda:GetFunctionConfiguration"
      AWS_SECRET_ACCESS_KEY = aws_iam_access_key.ci.secret
    }
  }
}

resource "aws_ecs_task_definition" "deployer" {
  family = "deployer"
  container_definitions = jsonencode([{
    name  = "deployer"
    image = "deployer:latest"
    environment = [
      # expect: IAM015 "ecs:DescribeTaskDefinition"
      { name = "AWS_SECRET_ACCESS_KEY", value = aws_iam_access_key.ci.secret },
    ]
  }])
}

resource "aws_codebuild_project" "deploy" {
  name         = "deploy"
  service_role = "arn:aws:iam::123456789012:role/codebuild"
  artifacts {
    type = "NO_ARTIFACTS"
  }
  source {
    type = "NO_SOURCE"
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
    environment_variable {
      name = "AWS_SECRET_ACCESS_KEY"
      # expect: IAM015 "codebuild:BatchGetProjects"
      value = aws_iam_access_key.ci.secret
    }
    environment_variable {
      name = "FROM_SECRETS_MANAGER"
      type = "SECRETS_MANAGER"
      # ok: IAM015
      value = "ci/${aws_iam_access_key.ci.secret}"
    }
  }
}

resource "aws_elastic_beanstalk_environment" "app" {
  name        = "app"
  application = "app"
  setting {
    namespace = "aws:elasticbeanstalk:application:environment"
    name      = "AWS_SECRET_ACCESS_KEY"
    # expect: IAM015 "elasticbeanstalk:DescribeConfigurationSettings"
    value = aws_iam_access_key.ci.secret
  }
}

resource "aws_dynamodb_table_item" "credentials" {
  table_name = "credentials"
  hash_key   = "id"
  # expect: IAM015 "dynamodb:GetItem"
  item = jsonencode({ id = { S = "ci" }, secret = { S = aws_iam_access_key.ci.secret } })
}

resource "aws_ssm_parameter" "plain" {
  name = "/ci/secret"
  type = "String"
  # expect: IAM015 "plain-text SSM parameter"
  value = aws_iam_access_key.ci.secret
}

resource "aws_ssm_parameter" "smtp" {
  name = "/ci/smtp"
  type = "StringList"
  # expect: IAM015 "SES SMTP password"
  value = aws_iam_access_key.ci.ses_smtp_password_v4
}

output "ci_secret" {
  # expect: IAM015 "terraform_remote_state"
  value = aws_iam_access_key.ci.secret
}

# Compliant: a SecureString, Secrets Manager, a sensitive output, the id alone, the PGP-encrypted secret.
resource "aws_ssm_parameter" "secure" {
  name = "/ci/secure"
  type = "SecureString"
  # ok: IAM015
  value = aws_iam_access_key.ci.secret
}

variable "parameter_type" {
  type = string
}

resource "aws_ssm_parameter" "unknown_type" {
  name = "/ci/unknown"
  type = var.parameter_type
  # ok: IAM015
  value = aws_iam_access_key.ci.secret
}

resource "aws_secretsmanager_secret" "ci" {
  name = "ci"
}

# example: compliant
resource "aws_secretsmanager_secret_version" "ci" {
  secret_id = aws_secretsmanager_secret.ci.id
  # ok: IAM015
  secret_string = aws_iam_access_key.ci.secret
}

output "ci_secret_sensitive" {
  # ok: IAM015
  value     = aws_iam_access_key.ci.secret
  sensitive = true
}

output "ci_key_id" {
  # ok: IAM015
  value = aws_iam_access_key.ci.id
}

output "ci_encrypted_secret" {
  # ok: IAM015
  value = aws_iam_access_key.ci.encrypted_secret
}

# A user data script that only names the key id.
resource "aws_instance" "id_only" {
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  iam_instance_profile = "worker"
  # ok: IAM015
  user_data = "echo ${aws_iam_access_key.ci.id}"
}
