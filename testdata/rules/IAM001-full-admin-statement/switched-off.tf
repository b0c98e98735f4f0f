# Resources that a variable's default switches off are scanned: one -var turns them on. The
# finding says under which values it applies. A count written as a literal 0 stays off.

variable "enable_break_glass" {
  type    = bool
  default = false
}

variable "admin_names" {
  type    = list(string)
  default = []
}

resource "aws_iam_policy" "break_glass" {
  count = var.enable_break_glass ? 1 : 0
  name  = "break-glass"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: IAM001
      Action   = "*"
      Resource = "*"
    }]
  })
}

resource "aws_iam_policy" "per_admin" {
  for_each = toset(var.admin_names)
  name     = "admin-${each.key}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # expect: IAM001
      Action   = "*"
      Resource = "*"
    }]
  })
}

resource "aws_iam_policy" "retired" {
  count = 0
  name  = "retired"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      # ok: IAM001
      Action   = "*"
      Resource = "*"
    }]
  })
}
