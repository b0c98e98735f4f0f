# An ECR lifecycle policy is a list of expiry rules, not an IAM policy document.
resource "aws_ecr_lifecycle_policy" "keep_recent" {
  repository = "builds"
  # ok: IAM064
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Expire all but the newest ten images"
      selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 10 }
      action       = { type = "expire" }
    }]
  })
}

resource "aws_ecr_repository_policy" "builds" {
  repository = "builds"
  # expect: IAM064
  policy = jsonencode({
    Version = "2012-10-17"
  })
}
