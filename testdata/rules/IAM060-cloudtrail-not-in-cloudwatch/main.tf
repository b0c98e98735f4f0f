# Fixtures for IAM060: trails not sent to CloudWatch Logs.

# expect: IAM060
# expect: IAM057
# expect: IAM058
# expect: IAM059
# expect: IAM062
# example: noncompliant
resource "aws_cloudtrail" "s3_only" {
  name           = "s3-only"
  s3_bucket_name = "trail-logs"
}

# expect: IAM057
# expect: IAM058
# expect: IAM059
# example: compliant
resource "aws_cloudtrail" "logs" {
  name                       = "logs"
  s3_bucket_name             = "trail-logs"
  # ok: IAM060
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

resource "aws_cloudwatch_log_group" "trail" {
  name = "trail"
}
