package dev.iamscan.rules.grants;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.support.PolicyMessages;
import java.util.List;
import java.util.Optional;

/** {@code iam:*}, {@code s3:*}: every action of a service, present and future. */
public final class ServiceWildcardRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM003", "service-wildcard-action")
      .category(Category.OVERBROAD_GRANT).severity(Severity.HIGH).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Policy statement allows every action of a service")
      .description("""
          An `Allow` statement with an action such as `iam:*`, `kms:*` or `s3:*` grants every action \
          of the service, including those that delete data, change resource policies or encryption, \
          and actions AWS adds later. Service prefixes are matched without regard to case (`IAM:*` \
          is `iam:*`).

          Every finding is **high**: a service wildcard includes the actions that rewrite the \
          service's resource policies and encryption. The message says when the service controls \
          identities, keys or secrets (iam, sts, kms, organizations, secretsmanager, sso, \
          identitystore, account, cloudtrail, access-analyzer, ram). When the statement names its \
          resources instead of `*`, only the sensitive services are reported (`iam:*` on one role \
          still lets the holder rewrite that role's policies and trust); `s3:*` on one bucket is the \
          usual way to own it and is not reported. A condition limits when the grant applies, not \
          what it grants: the finding stays.

          `ssmmessages:*` and `ec2messages:*` are not reported: they are the message channel of the \
          SSM Agent and Session Manager, which need every one of their actions, and none of those \
          actions accepts anything narrower than `Resource: "*"`, so the wildcard grants exactly \
          what listing the actions would.
          """)
      .remediation("""
          list the actions the workload needs, for example `s3:GetObject` and `s3:PutObject` instead \
          of `s3:*`.
          """)
      .noncompliant("yaml", """
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: "iam:*"
                Resource: "*"
          """)
      .compliant("yaml", """
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: ["iam:GetRole", "iam:ListRoles"]
                Resource: "*"
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
          "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (IdentityPolicy policy : OverbroadActions.identityPolicies(context)) {
      for (PolicyStatement s : policy.document().statements()) {
        if (!s.allows() || s.notAction()) continue;
        for (LocatedString a : s.actions().known()) {
          Optional<String> service = OverbroadActions.serviceWide(a.value());
          // a misspelt service grants nothing: IAM064 reports it as an unknown action
          if (service.isEmpty() || OverbroadActions.wildcardIsWholeAgentChannel(service.get())
              || ActionServices.misspelt(a.value()).isPresent()) {
            continue;
          }
          boolean sensitive = OverbroadActions.sensitive(service.get());
          boolean scoped = !OverbroadActions.onEveryResource(s) && !s.notResource();
          // On named resources a wildcard of an ordinary service is the usual way to own them.
          if (scoped && !sensitive) continue;
          String message = "%s %s allows every %s action (\"%s\")%s%s%s".formatted(
              PolicyMessages.policyName(policy), s.label(), service.get(), a.value(),
              scoped ? " on the resources it names" : " on every resource",
              sensitive ? ", a service that controls identities, keys or secrets" : "",
              s.hasConditions() ? "; a condition limits when, not what" : "")
              + PolicyMessages.attachedSuffix(policy);
          sink.report(new Finding(METADATA, METADATA.severity(), message, s.locate(a, s.actions().range()), policy.owner().address(),
              a.value(), PolicyMessages.related(policy)));
        }
      }
    }
  }
}
