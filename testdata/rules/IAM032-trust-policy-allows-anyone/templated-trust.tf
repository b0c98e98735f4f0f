# Fixtures for IAM032: trust policies rendered from template files. Findings point at the line in
# the template, with the templatefile() call (or the template_file data source) as a related location.

resource "aws_iam_role" "from_template" {
  name               = "from-template"
  assume_role_policy = templatefile("${path.module}/trust.tpl.json", { external_id = var.external_id })
}

data "template_file" "legacy_trust" {
  template = file("${path.module}/trust.tpl.json")
  vars = {
    external_id = var.external_id
  }
}

resource "aws_iam_role" "from_template_file" {
  name               = "from-template-file"
  assume_role_policy = data.template_file.legacy_trust.rendered
}

variable "external_id" {
  type = string
}
