variable "admin" {
  type    = bool
  default = false
}

module "bucket" {
  source = "../bucket"
  writer_actions = var.admin ? ["*"] : ["s3:PutObject"]
}
