# IAM021 when the public-access block that would make S3 ignore a public ACL is switched off by a
# variable's default; a bucket whose block always exists stays silent.

variable "block_public_access" {
  type    = bool
  default = false
}

resource "aws_s3_bucket" "site" {
  bucket = "site-bucket"
}

resource "aws_s3_bucket_public_access_block" "site" {
  count                   = var.block_public_access ? 1 : 0
  bucket                  = aws_s3_bucket.site.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  # expect: IAM021 "the public-access block that would stop this exists only when var.block_public_access = true"
  acl = "public-read"
}

resource "aws_s3_bucket" "docs" {
  bucket = "docs-bucket"
}

resource "aws_s3_bucket_public_access_block" "docs" {
  bucket                  = aws_s3_bucket.docs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_acl" "docs" {
  bucket = aws_s3_bucket.docs.id
  # ok: IAM021
  acl = "public-read"
}
