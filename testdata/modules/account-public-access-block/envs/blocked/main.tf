# The account's block ignores public ACLs and restricts public policies on every bucket this root deploys.
resource "aws_s3_account_public_access_block" "account" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

module "blocked_site" {
  source = "../../modules/blocked-site"
}
