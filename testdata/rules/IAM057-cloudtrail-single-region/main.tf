# Fixtures for IAM057: single-region trails.

# expect: IAM057
# expect: IAM058
# expect: IAM059
# expect: IAM060
# expect: IAM062
# example: noncompliant
resource "aws_cloudtrail" "default" {
  name           = "default"
  s3_bucket_name = "trail-logs"
}

# expect: IAM058
# expect: IAM059
# expect: IAM060
resource "aws_cloudtrail" "single" {
  name                  = "single"
  s3_bucket_name        = "trail-logs"
  # expect: IAM057
  is_multi_region_trail = false
}

# expect: IAM058
# expect: IAM059
# expect: IAM060
# example: compliant
resource "aws_cloudtrail" "all_regions" {
  name                  = "all"
  s3_bucket_name        = "trail-logs"
  # ok: IAM057
  is_multi_region_trail = true
}
