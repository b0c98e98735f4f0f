# Fixtures for IAM056: trails that do not log.

# expect: IAM057
# expect: IAM058
# expect: IAM059
# expect: IAM060
# expect: IAM062
# example: noncompliant
resource "aws_cloudtrail" "off" {
  name           = "off"
  s3_bucket_name = "trail-logs"
  # expect: IAM056
  enable_logging = false
}

# Terraform's default logs.
# ok: IAM056
# expect: IAM057
# expect: IAM058
# expect: IAM059
# expect: IAM060
# example: compliant
resource "aws_cloudtrail" "default" {
  name           = "default"
  s3_bucket_name = "trail-logs"
}

variable "logging" {
  type = bool
}

# expect: IAM057
# expect: IAM058
# expect: IAM059
# expect: IAM060
resource "aws_cloudtrail" "unknown" {
  name           = "unknown"
  s3_bucket_name = "trail-logs"
  # ok: IAM056
  enable_logging = var.logging
}
