# A bucket with a public ACL and policy, deployed only by the root whose account block neutralises both.
resource "aws_s3_bucket" "site" {
  bucket = "blocked-site-bucket"
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
      Resource  = "arn:aws:s3:::blocked-site-bucket/*"
    }]
  })
}
