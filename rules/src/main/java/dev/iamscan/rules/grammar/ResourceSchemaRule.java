package dev.iamscan.rules.grammar;

import dev.iamscan.model.Resource;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.schema.SchemaChecks;
import dev.iamscan.schema.SchemaProblem;
import java.util.List;

/**
 * A resource whose entry, properties or arguments break iamscan's schema for its type: unknown
 * names (with the closest valid one), wrong types, missing required members.
 */
public final class ResourceSchemaRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM071", "resource-schema")
      .category(Category.INVALID_TEMPLATE).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.HIGH)
      .summary("Resource property is unknown, of the wrong type or missing")
      .description("""
          A misspelled property is not a harmless typo in a security template. CloudFormation \
          rejects `ManagedPoliciesArns` on a role, but a scanner that reads the property by its \
          right name sees no managed policies at all and passes the role; `Users: admin` where a \
          list is expected, or a policy without its required `PolicyDocument`, fails at deployment \
          after review has approved it. iamscan checks, with its own JSON Schemas, every \
          CloudFormation resource entry (`Type`, `DependsOn`, `Condition`, `Metadata`, \
          `DeletionPolicy`, `UpdateReplacePolicy`, ...) and the properties of every type its rules \
          read (IAM users, groups, roles, policies, access keys, instance profiles; S3 buckets and \
          bucket policies; EC2 instances and launch templates; launch configurations; SQS, SNS, KMS \
          and Lambda policies; CloudTrail trails; Access Analyzer analyzers), and the arguments of \
          the Terraform resource types among them whose argument lists are small and stable (IAM \
          resources, bucket policies and public access blocks, queue and topic policies, KMS keys, \
          Lambda permissions, CloudTrail, Access Analyzer). Each problem is reported at the \
          offending key. Scalars are not type-checked against each other, since both tools convert \
          them; values the scanner cannot resolve are never reported.
          """)
      .remediation("""
          use the property name the message suggests, write a list where a list is expected, add the \
          missing property.
          """)
      .noncompliant("yaml", """
          Deployer:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: { ... }
              ManagedPoliciesArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
          """)
      .compliant("yaml", """
          Deployer:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: { ... }
              ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
          """)
      .references("https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html",
          "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html",
          "https://registry.terraform.io/providers/hashicorp/aws/latest/docs")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (Resource r : context.model().resources()) {
      for (SchemaProblem p : SchemaChecks.resource(r)) {
        sink.report(new Finding(METADATA, METADATA.severity(),
            "%s: %s".formatted(r.displayName(), p.message()),
            p.range(), r.address(), p.kind() + " " + p.pointer(), List.of()));
      }
    }
  }
}
