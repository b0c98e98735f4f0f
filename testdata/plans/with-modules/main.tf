provider "aws" {
  region                      = "us-east-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

variable "admin_actions" {
  type    = list(string)
  default = ["s3:GetObject"]
}

module "admin" {
  source  = "./modules/policy"
  name    = "admin"
  actions = var.admin_actions
}

module "reader" {
  source  = "./modules/policy"
  name    = "reader"
  actions = ["s3:GetObject"]
}
