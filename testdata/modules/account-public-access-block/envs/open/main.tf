# No account-level block here: the same bucket is public.
module "site" {
  source = "../../modules/site"
}
