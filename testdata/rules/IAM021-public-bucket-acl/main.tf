# Fixtures for IAM021: public bucket ACLs in Terraform.

# example: noncompliant
resource "aws_s3_bucket" "legacy_public" {
  bucket = "legacy-public"
  # expect: IAM021
  acl = "public-read-write"
}

# example: compliant
resource "aws_s3_bucket" "legacy_private" {
  bucket = "legacy-private"
  # ok: IAM021
  acl = "private"
}

resource "aws_s3_bucket" "site" {
  bucket = "site-bucket"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  # expect: IAM021
  acl = "public-read"
}

resource "aws_s3_bucket_acl" "partners" {
  bucket = "partners-bucket"
  # expect: IAM021
  acl = "authenticated-read"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = "logs-bucket"
  # ok: IAM021
  acl = "log-delivery-write"
}

data "aws_canonical_user_id" "current" {}

resource "aws_s3_bucket_acl" "grants" {
  bucket = "grants-bucket"
  access_control_policy {
    grant {
      grantee {
        type = "Group"
        # expect: IAM021
        uri = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "READ"
    }
    grant {
      grantee {
        type = "Group"
        # ok: IAM021
        uri = "http://acs.amazonaws.com/groups/s3/LogDelivery"
      }
      permission = "WRITE"
    }
    grant {
      grantee {
        id   = data.aws_canonical_user_id.current.id
        type = "CanonicalUser"
      }
      permission = "FULL_CONTROL"
    }
    owner {
      id = data.aws_canonical_user_id.current.id
    }
  }
}

# A public ACL behind a block that ignores public ACLs: S3 ignores it.
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

resource "aws_s3_bucket_acl" "blocked" {
  bucket = aws_s3_bucket.blocked.id
  # ok: IAM021
  acl = "public-read"
}

variable "acl" {
  type = string
}

resource "aws_s3_bucket_acl" "unknown" {
  bucket = "unknown-bucket"
  # ok: IAM021
  acl = var.acl
}

module "site_bucket" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.0"
  bucket  = "module-bucket"
  # expect: IAM021
  acl = "public-read"
}

# block_public_acls alone refuses new public ACLs but leaves one in place in force.
resource "aws_s3_bucket" "refused" {
  bucket = "refused-bucket"
}

# expect: IAM022
resource "aws_s3_bucket_public_access_block" "refused" {
  bucket                  = aws_s3_bucket.refused.id
  block_public_acls       = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_acl" "refused" {
  bucket = aws_s3_bucket.refused.id
  # expect: IAM021 severity=critical "everyone read access"
  acl = "public-read"
}

