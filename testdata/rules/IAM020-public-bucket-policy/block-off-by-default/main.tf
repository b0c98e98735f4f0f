# IAM020 when the public-access blocks that would stop a public bucket policy are switched off by
# a variable's default: as deployed by default the bucket is public, so the finding says under
# which values a block would stop it.

variable "block_public_access" {
  type    = bool
  default = false
}

resource "aws_s3_account_public_access_block" "account" {
  count                   = var.block_public_access ? 1 : 0
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
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

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "PublicRead"
      Effect = "Allow"
      # expect: IAM020 "the public-access block that would stop this exists only when var.block_public_access = true"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.site.arn}/*"
    }]
  })
}
