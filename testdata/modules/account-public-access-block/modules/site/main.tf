# A bucket open to anyone by ACL and by policy, deployed by two roots that do not block it for its account.
resource "aws_s3_bucket" "site" {
  bucket = "site-bucket"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site-bucket/*"
    }]
  })
}
