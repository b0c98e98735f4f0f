# Fixtures for IAM059: trails whose logs are not encrypted with a KMS key.

# expect: IAM059
# expect: IAM057
# expect: IAM058
# expect: IAM060
# expect: IAM062
# example: noncompliant
resource "aws_cloudtrail" "sse_s3" {
  name           = "sse-s3"
  s3_bucket_name = "trail-logs"
}

# expect: IAM057
# expect: IAM058
# expect: IAM060
resource "aws_cloudtrail" "empty_key" {
  name           = "empty-key"
  s3_bucket_name = "trail-logs"
  # expect: IAM059
  kms_key_id     = ""
}

# expect: IAM057
# expect: IAM058
# expect: IAM060
# example: compliant
resource "aws_cloudtrail" "kms" {
  name           = "kms"
  s3_bucket_name = "trail-logs"
  # ok: IAM059
  kms_key_id     = aws_kms_key.trail.arn
}

resource "aws_kms_key" "trail" {
  description = "trail"
}
