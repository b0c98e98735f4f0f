package dev.iamscan.rules.grants;

import dev.iamscan.rules.Category;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;

/**
 * Reads of stored data allowed on every resource: {@code s3:GetObject}, {@code dynamodb:Scan},
 * {@code elasticfilesystem:ClientMount}, instance user data; the actions come from
 * {@code sensitive-reads.tsv}, matched through the action catalogue.
 */
public final class DataReadOnAllResourcesRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM044", "data-read-on-all-resources")
      .category(Category.OVERBROAD_GRANT).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.HIGH)
      .summary("Reads of stored data allowed on every resource")
      .description("""
          Read actions that return the content of a data store, `s3:GetObject`, \
          `dynamodb:GetItem`/`Query`/`Scan`, `sqs:ReceiveMessage`, `elasticfilesystem:ClientMount`, \
          or of instances, `ec2:DescribeInstanceAttribute` (user data, which every `ec2:Describe*` \
          reaches), allowed with `Resource: "*"` let the identity read every bucket, table, queue, \
          file system and instance of the account, not the few the workload uses: the way data \
          leaves an account when one credential leaks. The actions are kept in one table with \
          IAM043's credential reads and matched through AWS's Service Authorization Reference, so \
          partial wildcards (`s3:Get*`, `dynamodb:*Item`) count; actions that accept only `*` are \
          not reported, nor are list actions.

          `*` and service wildcards (`s3:*`) are reported by IAM001 and IAM003 instead. A statement \
          that also allows writes, permissions management or credential reads on every resource is \
          reported once, by IAM006, IAM041 or IAM043, whose finding names these reads: naming the \
          resources fixes them all. A condition that admits only resources carrying a tag scopes the \
          statement as an ARN would and is not reported.
          """)
      .remediation("""
          name the buckets, tables, queues or file systems (ARNs, with a prefix wildcard where \
          needed), or scope them with an `aws:ResourceTag/KEY` condition.
          """)
      .noncompliant("yaml", """
          - Effect: Allow
            Action: s3:GetObject
            Resource: "*"
          """)
      .compliant("yaml", """
          - Effect: Allow
            Action: s3:GetObject
            Resource: !Sub arn:${AWS::Partition}:s3:::reports-${AWS::AccountId}/*
          """)
      .references("https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_controlling.html#access_controlling-resources")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    SensitiveReadRules.check(context, METADATA, SensitiveReadRules.DATA,
        s -> !WriteOnAllResourcesRule.changesSomething(s) && !SensitiveReadRules.readsCredentials(s),
        s -> "", sink);
  }
}
