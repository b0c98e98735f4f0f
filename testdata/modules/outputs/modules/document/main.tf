variable "actions" {
  type = list(string)
}

data "aws_iam_policy_document" "this" {
  statement {
    effect    = "Allow"
    actions   = var.actions
    resources = ["*"]
  }
}

output "json" {
  value = data.aws_iam_policy_document.this.json
}
