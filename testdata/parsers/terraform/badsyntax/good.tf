resource "aws_iam_user" "ok" {
  name = "ok"
}
