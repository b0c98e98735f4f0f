# Fixtures for IAM020: public S3 bucket policies in Terraform forms.

resource "aws_s3_bucket" "site" {
  bucket = "site-bucket"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "PublicRead"
        Effect = "Allow"
        # expect: IAM020
        Principal = "*"
        Action    = ["s3:Get*", "s3:List*"]
        Resource  = "${aws_s3_bucket.site.arn}/*"
      },
      {
        Sid    = "PublicWrite"
        Effect = "Allow"
        # expect: IAM020
        Principal = { AWS = ["*"] }
        Action    = "s3:*Object"
        Resource  = "${aws_s3_bucket.site.arn}/*"
      },
      {
        Sid    = "TlsOnly"
        Effect = "Deny"
        # ok: IAM020
        Principal = "*"
        Action    = "s3:*"
        Resource  = "${aws_s3_bucket.site.arn}/*"
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid    = "OrgOnly"
        Effect = "Allow"
        # ok: IAM020
        Principal = { AWS = "*" }
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.site.arn}/*"
        Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
      },
      {
        Sid    = "NotOrg"
        Effect = "Allow"
        # expect: IAM020
        Principal = { AWS = "*" }
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.site.arn}/*"
        Condition = { StringNotEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
      },
      {
        Sid    = "Account"
        Effect = "Allow"
        # ok: IAM020
        Principal = { AWS = "arn:aws:iam::123456789012:root" }
        Action    = "s3:*"
        Resource  = "${aws_s3_bucket.site.arn}/*"
      },
    ]
  })
}

data "aws_iam_policy_document" "endpoint_only" {
  statement {
    sid     = "ThroughEndpoint"
    actions = ["s3:GetObject"]
    # ok: IAM020
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    resources = ["arn:aws:s3:::logs-bucket/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-1a2b3c4d"]
    }
  }
  statement {
    sid     = "Anyone"
    actions = ["s3:PutBucketPolicy"]
    principals {
      type = "AWS"
      # expect: IAM020
      identifiers = ["*"]
    }
    resources = ["arn:aws:s3:::logs-bucket"]
  }
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = "logs-bucket"
  policy = data.aws_iam_policy_document.endpoint_only.json
}

# A public read policy behind a block that restricts public buckets: S3 ignores its public grants.
resource "aws_s3_bucket" "blocked" {
  bucket = "blocked-bucket"
}

resource "aws_s3_bucket_public_access_block" "blocked" {
  bucket                  = aws_s3_bucket.blocked.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_policy" "blocked" {
  bucket = aws_s3_bucket.blocked.bucket
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM020
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::blocked-bucket/*"
    }]
  })
}

variable "reader" {
  type = string
}

resource "aws_s3_bucket_policy" "unknown_principal" {
  bucket = "site-bucket"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM020
      Principal = { AWS = var.reader }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site-bucket/*"
    }]
  })
}

# example: compliant
resource "aws_s3_bucket_policy" "partner_read" {
  bucket = "partner-reports"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM020
      Principal = { AWS = "arn:aws:iam::123456789012:role/partner-reader" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::partner-reports/*"
    }]
  })
}

# restrict_public_buckets alone neutralises a public policy.
resource "aws_s3_bucket" "restricted" {
  bucket = "restricted-bucket"
}

# expect: IAM022
resource "aws_s3_bucket_public_access_block" "restricted" {
  bucket                  = aws_s3_bucket.restricted.id
  restrict_public_buckets = true
}

resource "aws_s3_bucket_policy" "restricted" {
  bucket = aws_s3_bucket.restricted.id
  policy = jsonencode({
    Statement = [{
      Effect = "Allow"
      # ok: IAM020
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::restricted-bucket/*"
    }]
  })
}

# block_public_policy alone refuses a new public policy but leaves one in place in force.
resource "aws_s3_bucket" "refused" {
  bucket = "refused-bucket"
}

# expect: IAM022
resource "aws_s3_bucket_public_access_block" "refused" {
  bucket              = aws_s3_bucket.refused.id
  block_public_acls   = true
  block_public_policy = true
  ignore_public_acls  = true
}

resource "aws_s3_bucket_policy" "refused" {
  bucket = aws_s3_bucket.refused.id
  policy = jsonencode({
    Statement = [{
      Effect = "Allow"
      # expect: IAM020 severity=critical "allows anyone"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::refused-bucket/*"
    }]
  })
}

# A restriction whose value is not known hides nothing.
variable "restrict" {
  type = bool
}

resource "aws_s3_bucket" "maybe" {
  bucket = "maybe-bucket"
}

resource "aws_s3_bucket_public_access_block" "maybe" {
  bucket                  = aws_s3_bucket.maybe.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = var.restrict
}

resource "aws_s3_bucket_policy" "maybe" {
  bucket = aws_s3_bucket.maybe.id
  policy = jsonencode({
    Statement = [{
      Effect = "Allow"
      # expect: IAM020
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::maybe-bucket/*"
    }]
  })
}
