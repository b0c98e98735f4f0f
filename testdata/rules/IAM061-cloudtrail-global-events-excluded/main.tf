# Fixtures for IAM061: trails without global service events (IAM, STS).

# expect: IAM057
# expect: IAM058
# expect: IAM059
# expect: IAM060
# expect: IAM062
# example: noncompliant
resource "aws_cloudtrail" "no_global" {
  name                          = "no-global"
  s3_bucket_name                = "trail-logs"
  # expect: IAM061
  include_global_service_events = false
}

# The default includes them.
# ok: IAM061
# expect: IAM057
# expect: IAM058
# expect: IAM059
# expect: IAM060
# example: compliant
resource "aws_cloudtrail" "default" {
  name           = "default"
  s3_bucket_name = "trail-logs"
}
