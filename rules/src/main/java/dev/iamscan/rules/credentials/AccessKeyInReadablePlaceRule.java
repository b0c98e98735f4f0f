package dev.iamscan.rules.credentials;

import dev.iamscan.model.Resource;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.state.AccessKey;
import dev.iamscan.state.ReadablePlace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The secret of an access key the template creates, put where people and services other than its user can read it. */
public final class AccessKeyInReadablePlaceRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM015", "access-key-in-readable-place")
      .category(Category.HARDCODED_CREDENTIALS).severity(Severity.HIGH).precision(RuleMetadata.Precision.HIGH)
      .summary("Secret of a generated access key is put where others can read it")
      .description("""
          An access key the template creates is meant for one user. Writing its secret (Terraform \
          `aws_iam_access_key.NAME.secret` or `ses_smtp_password_v4`, CloudFormation `!GetAtt \
          KEY.SecretAccessKey`) into a place that others can read hands the key to all of them: \
          EC2 instance, launch configuration and launch template user data (`ec2:DescribeInstanceAttribute`, \
          `ec2:DescribeLaunchTemplateVersions`, and every process on the instance through the \
          metadata service), the content of an S3 object (`s3:GetObject`), a Lambda function's \
          environment (`lambda:GetFunctionConfiguration`), ECS container definitions \
          (`ecs:DescribeTaskDefinition`), a CodeBuild project's plain-text environment variable \
          (`codebuild:BatchGetProjects`), an Elastic Beanstalk environment's settings \
          (`elasticbeanstalk:DescribeConfigurationSettings`), a DynamoDB table item \
          (`dynamodb:GetItem`), an SSM parameter of type `String` or `StringList` \
          (`ssm:GetParameter`, never encrypted), a Terraform root module output not marked \
          `sensitive` (printed by plans and applies, shared through `terraform output` and \
          `terraform_remote_state`), or a CloudFormation stack output \
          (`cloudformation:DescribeStacks`). Read-only roles such as `ReadOnlyAccess` include \
          several of these permissions.

          References are followed through locals, interpolations, `jsonencode`, `base64encode`, \
          `templatefile` arguments, module arguments, `Fn::Sub`, `Fn::Join` and `Fn::If`. One \
          finding per place and key, at the first use of its secret, naming the key and the place. \
          Not reported: the access key id alone (it identifies the key; without the secret it \
          grants nothing), `encrypted_secret` (readable only with the PGP private key), secrets \
          stored in Secrets Manager or an SSM `SecureString`, an SSM parameter or output whose type \
          or sensitivity is not known. A literal key written in any of these places is reported by \
          IAM012, which covers every literal credential in a template.
          """)
      .remediation("""
          do not create long-lived keys for workloads: give instances an instance profile, \
          functions an execution role and tasks a task role. Where a key is unavoidable, keep its \
          secret in Secrets Manager (or an SSM `SecureString`) and let the workload read it at run \
          time; mark Terraform outputs that carry secrets `sensitive = true`, or encrypt the secret \
          with `pgp_key`.
          """)
      .noncompliant("hcl", """
          resource "aws_instance" "worker" {
            ami           = "ami-0123456789abcdef0"
            instance_type = "t3.micro"
            user_data     = <<-EOT
              #!/bin/bash
              aws configure set aws_secret_access_key ${aws_iam_access_key.ci.secret}
            EOT
          }
          """)
      .compliant("hcl", """
          resource "aws_secretsmanager_secret_version" "ci" {
            secret_id     = aws_secretsmanager_secret.ci.id
            secret_string = aws_iam_access_key.ci.secret
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
          "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html",
          "https://developer.hashicorp.com/terraform/language/state/sensitive-data",
          "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_access_key")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (ReadablePlace place : context.state().readablePlaces()) {
      // One finding per place and key, at the first use of a secret; the id beside it is named.
      Map<AccessKey, List<ReadablePlace.KeyUse>> byKey = new LinkedHashMap<>();
      for (ReadablePlace.KeyUse u : place.keys()) byKey.computeIfAbsent(u.key(), k -> new ArrayList<>()).add(u);
      for (Map.Entry<AccessKey, List<ReadablePlace.KeyUse>> e : byKey.entrySet()) {
        ReadablePlace.KeyUse first = e.getValue().stream().filter(u -> u.part() != ReadablePlace.Part.ID).findFirst().orElse(null);
        if (first == null) continue;
        sink.report(finding(place, e.getKey(), first, e.getValue()));
      }
    }
  }

  private static Finding finding(ReadablePlace place, AccessKey key, ReadablePlace.KeyUse first, List<ReadablePlace.KeyUse> uses) {
    Resource owner = place.owner();
    Set<String> parts = new LinkedHashSet<>();
    for (ReadablePlace.Part p : ReadablePlace.Part.values()) {
      if (uses.stream().anyMatch(u -> u.part() == p)) parts.add(p.label());
    }
    String what = String.join(" and ", parts);
    String message = "The %s of access key %s %s put into %s: %s can read %s and use the key"
        .formatted(what, key.owner().displayName(), parts.size() == 1 ? "is" : "are", where(place),
            readers(place.kind()), parts.size() == 1 ? "it" : "them");
    List<Finding.Related> related = new ArrayList<>();
    related.add(new Finding.Related("access key " + key.owner().displayName(), key.owner().headRange()));
    if (!first.origin().equals(first.at())) related.add(new Finding.Related("taken from " + first.expression(), first.origin()));
    String evidence = key.owner().address() + " " + uses.stream().map(u -> u.part().name().toLowerCase(java.util.Locale.ROOT))
        .distinct().collect(Collectors.joining("+")) + " -> " + place.content().name();
    return new Finding(METADATA, METADATA.severity(), message, first.at(), owner.address(), evidence, related);
  }

  private static String where(ReadablePlace place) {
    String name = place.owner().displayName();
    return switch (place.kind()) {
      case INSTANCE_USER_DATA, LAUNCH_CONFIGURATION_USER_DATA, LAUNCH_TEMPLATE_USER_DATA -> "the user data of " + name;
      case OBJECT_CONTENT -> "the content of S3 object " + name;
      case FUNCTION_ENVIRONMENT -> "the environment of function " + name;
      case CONTAINER_DEFINITIONS -> "the container definitions of " + name;
      case BUILD_ENVIRONMENT -> "a plain-text environment variable of build project " + name;
      case BEANSTALK_SETTINGS -> "the settings of Elastic Beanstalk environment " + name;
      case TABLE_ITEM -> "DynamoDB item " + name;
      case STRING_PARAMETER -> "plain-text SSM parameter " + name;
      case MODULE_OUTPUT -> name + ", which is not marked sensitive";
      case STACK_OUTPUT -> "stack output " + name;
    };
  }

  private static String readers(ReadablePlace.Kind kind) {
    return switch (kind) {
      case INSTANCE_USER_DATA -> "anyone allowed ec2:DescribeInstanceAttribute, and every process on the instance through the metadata service,";
      case LAUNCH_CONFIGURATION_USER_DATA -> "anyone allowed autoscaling:DescribeLaunchConfigurations, and every process on its instances,";
      case LAUNCH_TEMPLATE_USER_DATA -> "anyone allowed ec2:DescribeLaunchTemplateVersions, and every process on its instances,";
      case OBJECT_CONTENT -> "anyone allowed s3:GetObject on it";
      case FUNCTION_ENVIRONMENT -> "anyone allowed lambda:GetFunctionConfiguration";
      case CONTAINER_DEFINITIONS -> "anyone allowed ecs:DescribeTaskDefinition";
      case BUILD_ENVIRONMENT -> "anyone allowed codebuild:BatchGetProjects";
      case BEANSTALK_SETTINGS -> "anyone allowed elasticbeanstalk:DescribeConfigurationSettings";
      case TABLE_ITEM -> "anyone allowed dynamodb:GetItem or dynamodb:Scan on the table";
      case STRING_PARAMETER -> "anyone allowed ssm:GetParameter";
      case MODULE_OUTPUT -> "anyone who can read this root's outputs (terraform output, terraform_remote_state) or the logs of its plans and applies";
      case STACK_OUTPUT -> "anyone allowed cloudformation:DescribeStacks";
    };
  }
}
