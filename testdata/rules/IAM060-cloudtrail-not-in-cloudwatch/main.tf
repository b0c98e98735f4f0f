# Fixtures for IAM060: trails not sent to CloudWatch Logs.

# expect: IAM060
resource "aws_cloudtrail" "s3_only" {
  name           = "s3-only"
  s3_bucket_name = "trail-logs"
}

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
