# Fixtures for IAM061: trails without global service events (IAM, STS).

resource "aws_cloudtrail" "no_global" {
  name                          = "no-global"
  s3_bucket_name                = "trail-logs"
  # expect: IAM061
  include_global_service_events = false
}

# The default includes them.
# ok: IAM061
resource "aws_cloudtrail" "default" {
  name           = "default"
  s3_bucket_name = "trail-logs"
}
