# Meta-arguments are valid in every resource block, whatever its type's own arguments.

resource "aws_iam_user" "ops" {
  name = "ops"
}

resource "aws_iam_group" "ops" {
  name       = "ops"
  depends_on = [aws_iam_user.ops]
  # ok: IAM071
  provisioner "local-exec" {
    command = "echo created"
  }
  # ok: IAM071
  connection {
    type = "ssh"
    host = "bastion.example.com"
  }
  # ok: IAM071
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_iam_group" "misspelt" {
  name = "misspelt"
  # expect: IAM071
  provisioners "local-exec" {
    command = "echo created"
  }
}
