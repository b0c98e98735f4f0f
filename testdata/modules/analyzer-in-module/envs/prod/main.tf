# The analyzer comes from a module this root calls: the baseline has one.
module "account_baseline" {
  source = "../../modules/baseline"
}

module "analyzer" {
  source = "../../modules/analyzer"
}
