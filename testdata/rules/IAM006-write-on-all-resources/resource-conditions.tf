# Service condition keys that name the resource a request acts on scope a grant on "*" as an ARN
# would: the test fails for every request without the key.
resource "aws_ecs_cluster" "app" {
  name = "app"
}

data "aws_iam_policy_document" "deployer" {
  statement {
    # ok: IAM006
    actions   = ["ecs:UpdateService", "ecs:StopTask"]
    resources = ["*"]
    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = [aws_ecs_cluster.app.arn]
    }
  }

  statement {
    # ok: IAM006
    actions   = ["lambda:DeleteEventSourceMapping"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "lambda:FunctionArn"
      values   = ["arn:aws:lambda:eu-west-1:123456789012:function:worker"]
    }
  }

  # A condition on the region limits when, not which resource.
  statement {
    # expect: IAM006 "a condition limits when, not what"
    actions   = ["ecs:DeleteService"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1"]
    }
  }

  # IfExists passes for every request without the key.
  statement {
    # expect: IAM006
    actions   = ["ecs:DeleteCluster"]
    resources = ["*"]
    condition {
      test     = "ArnEqualsIfExists"
      variable = "ecs:cluster"
      values   = [aws_ecs_cluster.app.arn]
    }
  }

  # Any cluster at all names no cluster.
  statement {
    # expect: IAM006
    actions   = ["ecs:StopTask"]
    resources = ["*"]
    condition {
      test     = "ArnLike"
      variable = "ecs:cluster"
      values   = ["arn:aws:ecs:*:123456789012:cluster/*"]
    }
  }
}

resource "aws_iam_policy" "deployer" {
  name   = "deployer"
  policy = data.aws_iam_policy_document.deployer.json
}
