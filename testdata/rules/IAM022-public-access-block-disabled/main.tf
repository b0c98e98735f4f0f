# Fixtures for IAM022: public-access block settings turned off in Terraform.

resource "aws_s3_bucket" "data" {
  bucket = "data-bucket"
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket = aws_s3_bucket.data.id
  # ok: IAM022
  block_public_acls = true
  # One finding per block, naming every setting that is off.
  # expect: IAM022 "sets block_public_policy, restrict_public_buckets to false"
  block_public_policy = false
  # ok: IAM022
  ignore_public_acls = true
  # ok: IAM022
  restrict_public_buckets = false
}

# Left-out settings are off: Terraform sends false for them.
# expect: IAM022
# example: noncompliant
resource "aws_s3_bucket_public_access_block" "partial" {
  bucket              = "partial-bucket"
  block_public_acls   = true
  block_public_policy = true
}

# ok: IAM022
resource "aws_s3_bucket_public_access_block" "complete" {
  bucket                  = "complete-bucket"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_account_public_access_block" "account" {
  block_public_acls   = true
  block_public_policy = true
  # expect: IAM022
  ignore_public_acls      = false
  restrict_public_buckets = true
}

variable "block" {
  type = bool
}

# ok: IAM022
resource "aws_s3_bucket_public_access_block" "from_variable" {
  bucket                  = "variable-bucket"
  block_public_acls       = var.block
  block_public_policy     = var.block
  ignore_public_acls      = var.block
  restrict_public_buckets = var.block
}

# ok: IAM022
# example: compliant
resource "aws_s3_bucket" "no_block_declared" {
  bucket = "default-bucket"
}

resource "aws_s3_bucket_public_access_block" "mixed" {
  bucket = "mixed-bucket"
  # expect: IAM022 "sets block_public_acls to false and leaves out ignore_public_acls, restrict_public_buckets, which are then off"
  block_public_acls   = false
  block_public_policy = true
}
