package dev.iamscan.rules.exposure;

import dev.iamscan.iam.ResourcePolicy;
import dev.iamscan.model.Resource;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.support.PolicyMessages;
import dev.iamscan.state.SearchDomain;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A resource policy other than a bucket policy (SQS, SNS, KMS, ECR, ...) that allows anyone. */
public final class PublicResourcePolicyRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM023", "public-resource-policy")
      .category(Category.PUBLIC_RESOURCE_POLICY).severity(Severity.CRITICAL).precision(RuleMetadata.Precision.HIGH)
      .summary("Resource policy allows anyone")
      .description("""
          A resource policy statement with `Effect: Allow` and `Principal: "*"` (also `{"AWS": \
          "*"}`, `{"AWS": ["*"]}`, or `principals { type = "*" }`) lets every AWS account, and for \
          some services anonymous callers, use the queue, topic, key, repository, secret, domain, \
          file system or API. This covers SQS queue policies, SNS topic policies, KMS key policies, \
          ECR repository policies, Secrets Manager, OpenSearch/Elasticsearch, EFS, API Gateway, \
          CloudWatch Logs, Backup, EventBridge and any other Terraform `*_policy` resource. \
          Statements granting `*`, a service wildcard, `NotAction`, or any action that is not a read \
          or list (`sqs:SendMessage`, `kms:Decrypt`, `ecr:PutImage`, ...) and statements that only \
          read or list are all critical; the message names what the statement allows.

          A statement is not public when a condition pins the caller with a fixed value \
          (`aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:SourceArn`, `aws:SourceAccount`, \
          `aws:SourceVpce`, `kms:CallerAccount`, ...); negated operators, `...IfExists` and `*` \
          values do not pin anything. KMS key policies that grant `arn:aws:iam::ACCOUNT:root` are \
          not public. VPC endpoint policies, whose principal is `*` by design, are not resource \
          policies in this sense and are not reported. `Deny` statements are never reported.

          An OpenSearch or Elasticsearch domain placed in a VPC (`vpc_options` / `VPCOptions` with \
          subnets) has no public endpoint: only clients that reach the VPC, through its security \
          groups, can call it, so an open access policy on it is the usual setup and is not \
          reported. A condition on the subnets places the domain in a VPC when every branch names \
          subnets. When the placement is not known (a `vpc_options` block the scan cannot expand, \
          a condition around the options, or one with a branch without subnets), the finding stays.
          """)
      .remediation("""
          name the accounts, roles or services that need access as principals, and for service \
          principals add `aws:SourceArn` or `aws:SourceAccount`; or limit the statement with \
          `aws:PrincipalOrgID`.
          """)
      .noncompliant("yaml", """
          QueuePolicy:
            Type: AWS::SQS::QueuePolicy
            Properties:
              Queues: [!Ref Queue]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: "*"
                    Action: sqs:SendMessage
                    Resource: !GetAtt Queue.Arn
          """)
      .compliant("yaml", """
          QueuePolicy:
            Type: AWS::SQS::QueuePolicy
            Properties:
              Queues: [!Ref Queue]
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: { Service: sns.amazonaws.com }
                    Action: sqs:SendMessage
                    Resource: !GetAtt Queue.Arn
                    Condition:
                      ArnEquals: { "aws:SourceArn": !Ref Topic }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html")
      .build();

  /** Endpoint policies filter what passes through an endpoint; their principal is {@code *} by design. */
  private static final Set<String> NOT_RESOURCE_POLICIES = Set.of("vpce");

  static final Map<String, String> SERVICE_NAMES = Map.ofEntries(
      Map.entry("sqs", "SQS queue policy"), Map.entry("sns", "SNS topic policy"), Map.entry("kms", "KMS key policy"),
      Map.entry("ecr", "ECR repository policy"), Map.entry("ecr-public", "ECR Public repository policy"),
      Map.entry("secretsmanager", "Secrets Manager secret policy"), Map.entry("es", "OpenSearch domain access policy"),
      Map.entry("elasticfilesystem", "EFS file system policy"), Map.entry("execute-api", "API Gateway resource policy"),
      Map.entry("logs", "CloudWatch Logs resource policy"), Map.entry("backup", "Backup vault policy"),
      Map.entry("events", "EventBridge bus policy"), Map.entry("glue", "Glue resource policy"));

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (ResourcePolicy policy : context.iam().resourcePolicies()) {
      if (policy.isBucketPolicy() || NOT_RESOURCE_POLICIES.contains(policy.service())) continue;
      Optional<Resource> target = PublicGrant.target(context.model(), policy.owner(), policy.target())
          .filter(t -> !t.equals(policy.owner()));
      if (inVpc(context, policy)) continue;
      String kind = SERVICE_NAMES.getOrDefault(policy.service(), policy.service() + " resource policy");
      for (PolicyStatement s : policy.document().statements()) {
        PublicGrant.of(s).ifPresent(g -> {
          String message = "%s of %s %s allows anyone (%s) %s%s".formatted(kind, policy.owner().displayName(),
              s.label(), g.principalText(), g.action(), target.map(t -> " on " + t.displayName()).orElse(""));
          List<Finding.Related> related = target
              .map(t -> List.of(new Finding.Related("protected resource " + t.displayName(), t.headRange())))
              .orElse(List.of());
          sink.report(new Finding(METADATA, METADATA.severity(), message, g.principal().range(), policy.owner().address(),
              "Principal * " + g.action(), PolicyMessages.with(related, PolicyMessages.related(policy))));
        });
      }
    }
  }

  /** A search domain's policy on a domain of the scan that certainly has a VPC endpoint only. */
  private static boolean inVpc(ScanContext context, ResourcePolicy policy) {
    if (!policy.service().equals("es")) return false;
    Optional<SearchDomain> domain = policy.target() == null
        ? context.state().searchDomain(policy.owner())
        : context.state().searchDomain(context.model(), policy.owner(), policy.target());
    return domain.flatMap(SearchDomain::inVpc).orElse(false);
  }
}
