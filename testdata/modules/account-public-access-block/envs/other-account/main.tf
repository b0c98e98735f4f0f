# The block is for the account of another provider configuration: it says nothing of the bucket's account.
provider "aws" {
  alias = "audit"
}

resource "aws_s3_account_public_access_block" "audit" {
  provider                = aws.audit
  ignore_public_acls      = true
  restrict_public_buckets = true
}

module "site" {
  source = "../../modules/site"
}
