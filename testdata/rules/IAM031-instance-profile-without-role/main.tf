# Fixtures for IAM031: instance profiles that hold no role.

variable "role_name" {
  type = string
}

# expect: IAM031
# example: noncompliant
resource "aws_iam_instance_profile" "empty" {
  name = "empty"
}

# ok: IAM031
# example: compliant
resource "aws_iam_instance_profile" "web" {
  name = "web"
  role = aws_iam_role.web.name
}

# A variable without a default is set, just not known.
# ok: IAM031
resource "aws_iam_instance_profile" "from_variable" {
  name = "from-variable"
  role = var.role_name
}

# expect: IAM031
resource "aws_iam_instance_profile" "null_role" {
  name = "null-role"
  role = null
}

resource "aws_iam_role" "web" {
  name = "web"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
