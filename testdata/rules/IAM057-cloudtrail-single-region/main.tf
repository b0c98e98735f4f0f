# Fixtures for IAM057: single-region trails.

# expect: IAM057
resource "aws_cloudtrail" "default" {
  name           = "default"
  s3_bucket_name = "trail-logs"
}

resource "aws_cloudtrail" "single" {
  name                  = "single"
  s3_bucket_name        = "trail-logs"
  # expect: IAM057
  is_multi_region_trail = false
}

resource "aws_cloudtrail" "all_regions" {
  name                  = "all"
  s3_bucket_name        = "trail-logs"
  # ok: IAM057
  is_multi_region_trail = true
}
