# IAM062 when the analyzer comes from a module call that a variable's default switches off.

variable "enable_access_analyzer" {
  type    = bool
  default = false
}

# expect: IAM062 "is defined for it unless var.enable_access_analyzer = true"
resource "aws_organizations_organization" "org" {
  feature_set = "ALL"
}

module "analyzer" {
  count  = var.enable_access_analyzer ? 1 : 0
  source = "./analyzer"
}
