package dev.iamscan.rules.grants;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.model.SourceRange;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.support.PolicyMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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
          usual way to own it and is not reported. A statement is reported once, naming every service \
          wildcard it holds. A condition limits when the grant applies, not what it grants: the \
          finding stays, unless it names the resource (see IAM006).

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
        // One finding per statement, naming every service wildcard: the statement is fixed in one place.
        List<LocatedString> wildcards = new ArrayList<>();
        List<String> services = new ArrayList<>();
        List<String> sensitiveServices = new ArrayList<>();
        boolean scoped = !OverbroadActions.onEveryResource(s) && !s.notResource();
        for (LocatedString a : s.actions().known()) {
          Optional<String> service = OverbroadActions.serviceWide(a.value());
          // a misspelt service grants nothing: IAM064 reports it as an unknown action
          if (service.isEmpty() || OverbroadActions.wildcardIsWholeAgentChannel(service.get())
              || ActionServices.misspelt(a.value()).isPresent()) {
            continue;
          }
          boolean sensitive = OverbroadActions.sensitive(service.get());
          // On named resources a wildcard of an ordinary service is the usual way to own them.
          if (scoped && !sensitive) continue;
          wildcards.add(a);
          if (!services.contains(service.get())) services.add(service.get());
          if (sensitive && !sensitiveServices.contains(service.get())) sensitiveServices.add(service.get());
        }
        if (wildcards.isEmpty()) continue;
        String quoted = wildcards.stream().map(a -> "\"" + a.value() + "\"").collect(Collectors.joining(", "));
        String what = services.size() == 1 ? "every %s action (%s)".formatted(services.get(0), quoted)
            : "every action of %s (%s)".formatted(and(services), quoted);
        String sensitiveNote = sensitiveServices.isEmpty() ? ""
            : services.size() == 1 ? ", a service that controls identities, keys or secrets"
            : "; %s %s identities, keys or secrets".formatted(and(sensitiveServices),
                sensitiveServices.size() == 1 ? "controls" : "control");
        String message = "%s %s allows %s%s%s%s".formatted(
            PolicyMessages.policyName(policy), s.label(), what,
            " " + (scoped ? OverbroadActions.scopedResources(s) : "on every resource"), sensitiveNote,
            OverbroadActions.conditionNote(s))
            + PolicyMessages.attachedSuffix(policy);
        SourceRange at = s.locate(wildcards.get(0), s.actions().range());
        List<Finding.Related> related = new ArrayList<>(PolicyMessages.related(policy));
        for (LocatedString a : wildcards.subList(1, wildcards.size())) {
          SourceRange r = s.locate(a, s.actions().range());
          if (!r.equals(at)) related.add(new Finding.Related("service wildcard " + a.value(), r));
        }
        sink.report(new Finding(METADATA, METADATA.severity(), message, at, policy.owner().address(),
            wildcards.stream().map(LocatedString::value).collect(Collectors.joining(", ")), related));
      }
    }
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  private static String and(List<String> names) {
    if (names.size() == 1) return names.get(0);
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }
}
