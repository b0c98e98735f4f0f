# Fixtures for IAM070 and IAM064: OpenSearch Serverless policies are not IAM policy documents.
# Encryption and network security policies are rule sets (Rules, AWSOwnedKey, AllowFromPublic); data
# access policies are lists of rule sets (Rules with Permission, Principal) in a grammar of their own.

resource "aws_opensearchserverless_security_policy" "encryption" {
  name = "logs"
  type = "encryption"
  # ok: IAM064
  policy = jsonencode({
    # ok: IAM070
    Rules = [
      {
        Resource     = ["collection/logs"]
        ResourceType = "collection"
      }
    ]
    # ok: IAM070
    AWSOwnedKey = true
  })
}

resource "aws_opensearchserverless_security_policy" "network" {
  name = "logs"
  type = "network"
  # ok: IAM064
  policy = jsonencode([
    {
      # ok: IAM070
      Description = "VPC access"
      Rules = [
        {
          ResourceType = "collection"
          Resource     = ["collection/logs"]
        }
      ]
      # ok: IAM070
      AllowFromPublic = false
      SourceVPCEs     = ["vpce-0123456789abcdef0"]
    }
  ])
}

resource "aws_opensearchserverless_access_policy" "data" {
  name = "logs"
  type = "data"
  # ok: IAM064
  policy = jsonencode([
    {
      Rules = [
        {
          ResourceType = "index"
          Resource     = ["index/logs/*"]
          Permission   = ["aoss:ReadDocument", "aoss:DescribeIndex"]
        }
      ]
      # ok: IAM070
      Principal = ["arn:aws:iam::123456789012:role/reader"]
    }
  ])
}

# Other resources named like policies still hold IAM policy documents and are read as such.
resource "aws_vpclattice_auth_policy" "service" {
  resource_identifier = "svc-0123456789abcdef0"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:role/reader" }
      Action    = "vpc-lattice-svcs:Invoke"
      Resource  = "*"
      # expect: IAM070
      Rules = []
    }]
  })
}
