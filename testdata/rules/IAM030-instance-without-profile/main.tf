# Fixtures for IAM030: instances, launch templates and launch configurations without a profile.

variable "profile_name" {
  type = string
}

# expect: IAM030
# example: noncompliant
resource "aws_instance" "bare" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

# ok: IAM030
resource "aws_instance" "with_profile" {
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.web.name
}

# A variable without a default is set, just not known.
# ok: IAM030
resource "aws_instance" "from_variable" {
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  iam_instance_profile = var.profile_name
}

# expect: IAM030
resource "aws_instance" "empty_string" {
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  iam_instance_profile = ""
}

# The launch template gives the profile.
# ok: IAM030
resource "aws_instance" "from_template" {
  instance_type = "t3.micro"
  launch_template {
    id      = aws_launch_template.with_profile.id
    version = "$Latest"
  }
}

# The launch template names none either.
# expect: IAM030
resource "aws_instance" "from_bare_template" {
  launch_template {
    name = aws_launch_template.bare.name
  }
}

# A template outside the scan may well name one.
# ok: IAM030
resource "aws_instance" "from_other_template" {
  launch_template {
    id = "lt-0123456789abcdef0"
  }
}

# ok: IAM030
resource "aws_launch_template" "with_profile" {
  image_id = "ami-0123456789abcdef0"
  iam_instance_profile {
    arn = aws_iam_instance_profile.web.arn
  }
}

# expect: IAM030
resource "aws_launch_template" "bare" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

# An empty block names no profile.
# expect: IAM030
resource "aws_launch_template" "empty_block" {
  image_id = "ami-0123456789abcdef0"
  iam_instance_profile {
  }
}

# EKS managed node groups give the role; EKS rejects templates that name a profile.
# ok: IAM030
# example: compliant
resource "aws_launch_template" "nodes" {
  image_id = "ami-0123456789abcdef0"
}

resource "aws_eks_node_group" "nodes" {
  cluster_name  = "main"
  node_role_arn = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids    = ["subnet-0123456789abcdef0"]
  launch_template {
    id      = aws_launch_template.nodes.id
    version = aws_launch_template.nodes.latest_version
  }
  scaling_config {
    desired_size = 1
    max_size     = 2
    min_size     = 1
  }
}

# expect: IAM030
resource "aws_launch_configuration" "bare" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

# ok: IAM030
resource "aws_launch_configuration" "with_profile" {
  image_id             = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.web.name
}

resource "aws_iam_instance_profile" "web" {
  name = "web"
  role = "web"
}

# A node group that prefers its own template through try(): EKS gives those instances their role.
# ok: IAM030
resource "aws_launch_template" "node_group_via_try" {
  name_prefix = "nodes-"
}

variable "launch_template_id" {
  type    = string
  default = null
}

resource "aws_eks_node_group" "via_try" {
  cluster_name  = "main"
  node_role_arn = "arn:aws:iam::123456789012:role/nodes"
  subnet_ids    = ["subnet-1"]
  launch_template {
    id      = try(aws_launch_template.node_group_via_try.id, var.launch_template_id)
    version = "$Latest"
  }
  scaling_config {
    desired_size = 1
    max_size     = 1
    min_size     = 1
  }
}

# A launch template looked up by a data source: its arguments say which template, not what it
# holds, so whether it names a profile is not known.
data "aws_launch_template" "existing" {
  name = "web-servers"
}

# ok: IAM030
resource "aws_instance" "from_existing_template" {
  launch_template {
    id = data.aws_launch_template.existing.id
  }
}
