# Conditions that scope a grant on "*" as well as an ARN would, and conditions that do not.
# example: noncompliant
data "aws_iam_policy_document" "controller" {
  # Only load balancers tagged for this cluster: attribute-based access control.
  statement {
    # ok: IAM006
    actions   = ["elasticloadbalancing:DeleteLoadBalancer"]
    resources = ["*"]
    condition {
      test     = "Null"
      variable = "aws:ResourceTag/ingress.example.com/cluster"
      values   = ["false"]
    }
  }

  statement {
    # ok: IAM006
    actions   = ["ec2:DeleteVolume"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "ec2:ResourceTag/owner"
      values   = ["csi-driver"]
    }
  }

  # Tag absent (Null true) admits every untagged resource.
  statement {
    # expect: IAM006
    actions   = ["ec2:DeleteSnapshot"]
    resources = ["*"]
    condition {
      test     = "Null"
      variable = "aws:ResourceTag/ingress.example.com/cluster"
      values   = ["true"]
    }
  }

  # A negated test admits everything else.
  statement {
    # expect: IAM006
    actions   = ["ec2:TerminateInstances"]
    resources = ["*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:ResourceTag/protected"
      values   = ["yes"]
    }
  }

  # IfExists passes when the resource has no such tag.
  statement {
    # expect: IAM006
    actions   = ["ec2:StopInstances"]
    resources = ["*"]
    condition {
      test     = "StringEqualsIfExists"
      variable = "aws:ResourceTag/team"
      values   = ["web"]
    }
  }

  # The service name fixes which service-linked role can be created.
  statement {
    # ok: IAM006
    actions   = ["iam:CreateServiceLinkedRole"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "iam:AWSServiceName"
      values   = ["elasticloadbalancing.amazonaws.com"]
    }
  }

  # Without it any service's role can be created.
  statement {
    # expect: IAM006
    actions   = ["iam:CreateServiceLinkedRole"]
    resources = ["*"]
  }
}
