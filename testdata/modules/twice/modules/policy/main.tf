variable "name" {
  type = string
}

variable "actions" {
  type    = list(string)
  default = []
}

resource "aws_iam_policy" "this" {
  name = var.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.actions
      Resource = "*"
    }]
  })
}

output "arn" {
  value = aws_iam_policy.this.arn
}
