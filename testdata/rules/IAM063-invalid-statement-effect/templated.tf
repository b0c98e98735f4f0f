# Fixtures for IAM063: a trust policy rendered from a template file. The finding points at the line
# in the template, with the templatefile() call as a related location.

resource "aws_iam_role" "from_template" {
  name               = "from-template"
  assume_role_policy = templatefile("${path.module}/trust-effect.tpl.json", { service = "ec2.amazonaws.com" })
}
