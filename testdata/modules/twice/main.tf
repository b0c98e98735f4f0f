# The same module called twice: only the call that passes "*" grants full admin.
module "admin" {
  source  = "./modules/policy"
  name    = "admin"
  actions = ["*"]
}

module "reader" {
  source  = "./modules/policy"
  name    = "reader"
  actions = ["s3:GetObject"]
}
