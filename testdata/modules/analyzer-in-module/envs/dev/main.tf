# The same baseline without the analyzer module: reported.
module "baseline" {
  source = "../../modules/baseline"
}
