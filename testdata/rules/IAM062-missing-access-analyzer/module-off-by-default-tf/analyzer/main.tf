resource "aws_accessanalyzer_analyzer" "this" {
  analyzer_name = "account"
  type          = "ACCOUNT"
}
