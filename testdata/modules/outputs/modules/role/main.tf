variable "policy_json" {
  type = string
}

resource "aws_iam_role" "this" {
  name               = "app"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "this" {
  role   = aws_iam_role.this.id
  policy = var.policy_json
}

output "name" {
  value = aws_iam_role.this.name
}
