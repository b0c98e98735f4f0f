# Permissions boundaries set only under a condition.
variable "boundary_arn" {
  type = string
}

resource "aws_iam_policy" "boundary" {
  name = "boundary"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::artifacts/*" }]
  })
}

# Whether a boundary is set is not known: the boundary cannot be relied on.
# expect: IAM014 "its permissions boundary could not be resolved"
resource "aws_iam_role" "maybe_bounded" {
  name                 = "maybe-bounded"
  assume_role_policy   = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  permissions_boundary = var.boundary_arn != "" ? aws_iam_policy.boundary.arn : null
}

resource "aws_iam_role_policy_attachment" "maybe_bounded" {
  role       = aws_iam_role.maybe_bounded.name
  # expect: IAM009
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# No boundary under the variable's default: it holds every action.
variable "optional_boundary_arn" {
  type    = string
  default = ""
}

# expect: IAM014 "allowed every action on every resource"
resource "aws_iam_role" "unbounded" {
  name                 = "unbounded"
  assume_role_policy   = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  permissions_boundary = var.optional_boundary_arn != "" ? var.optional_boundary_arn : null
}

resource "aws_iam_role_policy_attachment" "unbounded" {
  role       = aws_iam_role.unbounded.name
  # expect: IAM009
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
