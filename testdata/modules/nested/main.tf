module "site" {
  source = "./modules/site"
  admin  = true
}
