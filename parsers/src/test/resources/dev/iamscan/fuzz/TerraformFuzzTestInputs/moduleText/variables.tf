variable "env" {
  default = "dev"
}

variable "path" {
  default = "/default/"
}

variable "create_key" {
  type    = bool
  default = true
}

variable "unknown_flag" {}

variable "unknown_list" {
  type = list(string)
}
