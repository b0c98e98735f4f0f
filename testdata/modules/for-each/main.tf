variable "users" {
  default = {
    alice = { admin = true }
    bob   = { admin = false }
    carol = { admin = true }
  }
}

module "user" {
  source   = "./modules/user"
  for_each = var.users
  name     = each.key
  admin    = each.value.admin
}
