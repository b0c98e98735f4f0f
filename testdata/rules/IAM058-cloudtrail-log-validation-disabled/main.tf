# Fixtures for IAM058: trails without log file validation.

# expect: IAM058
# expect: IAM057
# expect: IAM059
# expect: IAM060
# expect: IAM062
# example: noncompliant
resource "aws_cloudtrail" "default" {
  name           = "default"
  s3_bucket_name = "trail-logs"
}

# expect: IAM057
# expect: IAM059
# expect: IAM060
resource "aws_cloudtrail" "off" {
  name                       = "off"
  s3_bucket_name             = "trail-logs"
  # expect: IAM058
  enable_log_file_validation = false
}

# expect: IAM057
# expect: IAM059
# expect: IAM060
# example: compliant
resource "aws_cloudtrail" "on" {
  name                       = "on"
  s3_bucket_name             = "trail-logs"
  # ok: IAM058
  enable_log_file_validation = true
}
