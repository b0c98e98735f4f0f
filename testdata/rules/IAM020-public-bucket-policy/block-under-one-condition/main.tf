# IAM020 stays silent when the bucket and its public-access block are switched on by the same
# variable: whenever the bucket exists, so does the block.

variable "create_site" {
  type    = bool
  default = false
}

resource "aws_s3_bucket" "site" {
  count  = var.create_site ? 1 : 0
  bucket = "site-bucket"
}

resource "aws_s3_bucket_public_access_block" "site" {
  count                   = var.create_site ? 1 : 0
  bucket                  = aws_s3_bucket.site[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "PublicRead"
      Effect = "Allow"
      # ok: IAM020
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.site[0].arn}/*"
    }]
  })
}
