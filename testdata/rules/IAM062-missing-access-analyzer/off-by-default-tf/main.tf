# IAM062 when the only analyzer is switched off by a variable's default: the account has none
# unless someone sets the variable, so the finding names it. An analyzer with a literal count = 0
# never exists.

variable "enable_analyzer" {
  type    = bool
  default = false
}

# expect: IAM062 "no IAM Access Analyzer (aws_accessanalyzer_analyzer / AWS::AccessAnalyzer::Analyzer) is defined for it unless var.enable_analyzer = true"
resource "aws_organizations_organization" "org" {
  feature_set = "ALL"
}

# ok: IAM062
resource "aws_accessanalyzer_analyzer" "optional" {
  count         = var.enable_analyzer ? 1 : 0
  analyzer_name = "optional"
  type          = "ORGANIZATION"
}

# ok: IAM062
resource "aws_accessanalyzer_analyzer" "never" {
  count         = 0
  analyzer_name = "never"
}
