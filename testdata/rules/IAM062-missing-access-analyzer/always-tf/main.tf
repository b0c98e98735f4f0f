# IAM062 stays silent when one analyzer always exists, beside one a variable switches on.

variable "enable_org_analyzer" {
  type    = bool
  default = false
}

# ok: IAM062
resource "aws_organizations_organization" "org" {
  feature_set = "ALL"
}

# ok: IAM062
resource "aws_accessanalyzer_analyzer" "org" {
  count         = var.enable_org_analyzer ? 1 : 0
  analyzer_name = "org"
  type          = "ORGANIZATION"
}

# ok: IAM062
resource "aws_accessanalyzer_analyzer" "account" {
  analyzer_name = "account"
  type          = "ACCOUNT"
}
