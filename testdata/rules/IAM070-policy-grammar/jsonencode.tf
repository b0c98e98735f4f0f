# Fixtures for IAM070: policy documents written with jsonencode.

variable "org_id" {
  type = string
}

resource "aws_iam_policy" "grammar" {
  name = "grammar"
  policy = jsonencode({
    Version = "2012-10-17"
    # expect: IAM070
    Statment = []
    Statement = [
      {
        # expect: IAM070
        Sid      = "read-reports"
        Effect   = "Allow"
        Action   = "s3:GetObject"
        # expect: IAM070
        NotAction = "s3:PutObject"
        Resource = "arn:aws:s3:::reports/*"
        Condition = {
          # expect: IAM070
          StringEqual = { "aws:PrincipalOrgID" = "o-123" }
        }
      },
      {
        # The Effect is IAM063's.
        # ok: IAM070
        # expect: IAM063
        Effect   = "allow"
        Action   = "s3:ListBucket"
        Resource = "arn:aws:s3:::reports"
      },
    ]
  })
}

# example: compliant
resource "aws_iam_policy" "compliant" {
  name = "compliant"
  policy = jsonencode({
    # ok: IAM070
    Version = "2012-10-17"
    Statement = [
      # ok: IAM070
      {
        Sid      = "ReadReports"
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = "arn:aws:s3:::reports/*"
        Condition = {
          # ok: IAM070
          "ForAnyValue:StringEqualsIfExists" = { "aws:PrincipalOrgID" = [var.org_id] }
        }
      },
    ]
  })
}

# Unknown values are never reported.
resource "aws_iam_policy" "unknowns" {
  name = "unknowns"
  policy = jsonencode({
    # ok: IAM070
    Version = var.org_id
    Statement = [
      # ok: IAM070
      {
        Effect   = "Allow"
        Action   = var.org_id
        Resource = "*"
      },
    ]
  })
}

resource "aws_iam_role" "trust" {
  name = "trust"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # expect: IAM070
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
      },
      {
        Effect = "Allow"
        Action = "sts:AssumeRole"
        # expect: IAM070
        Principal = { Servce = "ec2.amazonaws.com" }
      },
      # ok: IAM070
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { Service = "ec2.amazonaws.com" }
      },
    ]
  })
}
