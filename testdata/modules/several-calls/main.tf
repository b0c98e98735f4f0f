# Two calls of one module make the same finding at one place in its source: one finding naming both.
module "ci" {
  source = "./modules/admin"
  name   = "ci"
}

module "ops" {
  source = "./modules/admin"
  name   = "ops"
}
