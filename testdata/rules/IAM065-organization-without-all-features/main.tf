# Fixtures for IAM065: an organization that can never apply service control policies.

# expect: IAM062
# example: noncompliant
resource "aws_organizations_organization" "billing_only" {
  # expect: IAM065
  feature_set = "CONSOLIDATED_BILLING"
}

# example: compliant
resource "aws_organizations_organization" "all_features" {
  # ok: IAM065
  feature_set          = "ALL"
  enabled_policy_types = ["SERVICE_CONTROL_POLICY"]
}

# The default feature set is ALL.
# ok: IAM065
resource "aws_organizations_organization" "default_features" {
  aws_service_access_principals = ["cloudtrail.amazonaws.com"]
}

variable "feature_set" {
  type = string
}

resource "aws_organizations_organization" "unknown" {
  # ok: IAM065
  feature_set = var.feature_set
}

# A service control policy is read with the policy grammar: a statement without Effect is invalid.
resource "aws_organizations_policy" "deny_leaving" {
  name = "deny-leaving"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [
      # expect: IAM063
      {
        Action   = "organizations:LeaveOrganization"
        Resource = "*"
      },
      # ok: IAM063
      {
        Effect   = "Deny"
        Action   = "cloudtrail:StopLogging"
        Resource = "*"
      },
    ]
  })
}

# Tag policies use another grammar and are not read as IAM policies.
resource "aws_organizations_policy" "tags" {
  name = "tags"
  type = "TAG_POLICY"
  # ok: IAM063, IAM064
  content = jsonencode({ tags = { costcenter = { tag_key = { "@@assign" = "CostCenter" } } } })
}
