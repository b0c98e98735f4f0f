# The same baseline without the analyzer module: reported.
module "baseline" {
  source = "../../modules/baseline"
}

# A registry module the scan cannot read: it may define an analyzer, so the finding names it.
module "security_hub" {
  source  = "example-org/security-hub/aws"
  version = "1.0.0"
}
