# The root creates a user's key and hands its secret to a module that writes it into user data.
resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}

module "worker" {
  source     = "./modules/worker"
  key_id     = aws_iam_access_key.ci.id
  key_secret = aws_iam_access_key.ci.secret
}
