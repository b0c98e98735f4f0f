# Fixtures for IAM062: an account baseline without IAM Access Analyzer.
# One finding per module, at its first baseline resource.

# expect: IAM062
# example: noncompliant
resource "aws_organizations_organization" "org" {
  feature_set = "ALL"
}

# ok: IAM062
# expect: IAM058
# expect: IAM059
# expect: IAM060
# example: compliant
resource "aws_cloudtrail" "org" {
  name                  = "org"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true
}
