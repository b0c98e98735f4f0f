# IAM062 stays silent when the analyzer is switched on by the same variable as the baseline it
# belongs to: whenever the organization exists, so does the analyzer.

variable "create_baseline" {
  type    = bool
  default = false
}

# ok: IAM062
resource "aws_organizations_organization" "org" {
  count       = var.create_baseline ? 1 : 0
  feature_set = "ALL"
}

# ok: IAM062
resource "aws_accessanalyzer_analyzer" "org" {
  count         = var.create_baseline ? 1 : 0
  analyzer_name = "org"
  type          = "ORGANIZATION"
}
