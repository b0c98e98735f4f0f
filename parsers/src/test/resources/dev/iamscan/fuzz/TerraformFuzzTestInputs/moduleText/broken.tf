resource "aws_iam_user" "bad" {
  name = "x"
  path = = "y"
}
