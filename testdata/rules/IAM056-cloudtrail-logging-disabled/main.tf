# Fixtures for IAM056: trails that do not log.

resource "aws_cloudtrail" "off" {
  name           = "off"
  s3_bucket_name = "trail-logs"
  # expect: IAM056
  enable_logging = false
}

# Terraform's default logs.
# ok: IAM056
resource "aws_cloudtrail" "default" {
  name           = "default"
  s3_bucket_name = "trail-logs"
}

variable "logging" {
  type = bool
}

resource "aws_cloudtrail" "unknown" {
  name           = "unknown"
  s3_bucket_name = "trail-logs"
  # ok: IAM056
  enable_logging = var.logging
}
