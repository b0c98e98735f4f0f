# Fixtures for IAM020: a bucket policy rendered from a template file. The finding points at the line
# in the template, with the templatefile() call as a related location.

resource "aws_s3_bucket" "assets" {
  bucket = "assets-bucket"
}

resource "aws_s3_bucket_policy" "assets" {
  bucket = aws_s3_bucket.assets.id
  policy = templatefile("${path.module}/bucket-policy.tpl.json", {
    bucket_arn = aws_s3_bucket.assets.arn
    vpce       = "vpce-0123456789abcdef0"
  })
}
