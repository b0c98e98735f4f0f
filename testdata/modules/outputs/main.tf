# One module builds a policy document, another attaches it to a role it creates.
module "document" {
  source  = "./modules/document"
  actions = ["*"]
}

module "role" {
  source      = "./modules/role"
  policy_json = module.document.json
}

resource "aws_iam_role_policy_attachment" "extra" {
  role       = module.role.name
  policy_arn = aws_iam_policy.extra.arn
}

resource "aws_iam_policy" "extra" {
  policy = module.document.json
}
