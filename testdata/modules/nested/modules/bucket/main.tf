variable "writer_actions" {
  type = list(string)
}

resource "aws_iam_role" "writer" {
  name               = "writer"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "writer" {
  role = aws_iam_role.writer.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.writer_actions
      Resource = "*"
    }]
  })
}
