# Fixtures for IAM024: Lambda permissions for any principal, in Terraform.

# example: noncompliant
resource "aws_lambda_permission" "anyone" {
  statement_id  = "AnyoneInvokes"
  action        = "lambda:InvokeFunction"
  function_name = "worker"
  # expect: IAM024
  principal = "*"
}

resource "aws_lambda_permission" "from_rule" {
  statement_id  = "FromRule"
  action        = "lambda:InvokeFunction"
  function_name = "worker"
  # ok: IAM024
  principal  = "*"
  source_arn = "arn:aws:events:eu-west-1:111122223333:rule/RunDaily"
}

resource "aws_lambda_permission" "org" {
  statement_id     = "Org"
  action           = "lambda:InvokeFunction"
  function_name    = "worker"
  # ok: IAM024
  principal        = "*"
  principal_org_id = "o-a1b2c3d4e5"
}

# example: compliant
resource "aws_lambda_permission" "service" {
  statement_id  = "S3"
  action        = "lambda:InvokeFunction"
  function_name = "worker"
  # ok: IAM024
  # expect: IAM025
  principal = "s3.amazonaws.com"
}
