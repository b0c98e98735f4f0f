package dev.iamscan.rules.grants;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.model.Value;
import dev.iamscan.policy.ActionPattern;
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
import dev.iamscan.rules.trust.TrustStatements;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** An identity policy that allows {@code sts:AssumeRole} on every role. */
public final class AssumeAnyRoleRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM035", "assume-any-role")
      .category(Category.OVERBROAD_GRANT).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.HIGH)
      .summary("Identity policy allows sts:AssumeRole on every role")
      .description("""
          A role can be assumed when its trust policy and the caller's own policies both allow it. \
          Most roles trust their account as a whole (`arn:aws:iam::111122223333:root`) and leave the \
          decision to the callers' identity policies, so an identity allowed `sts:AssumeRole` on \
          `Resource: "*"` (or on `arn:aws:iam::*:role/*`) can become any such role of its account, \
          the administrator roles included, and any role of another account that trusts it. What it \
          can do is then the union of all those roles' permissions.

          Statements that allow every action on every resource are left to IAM001. A condition on \
          the statement (a resource tag, an account) narrows it; such statements are reported one \
          severity lower. Deny statements are never reported.
          """)
      .remediation("list the ARNs of the roles the identity has to assume.")
      .noncompliant("yaml", """
          - Effect: Allow
            Action: sts:AssumeRole
            Resource: "*"
          """)
      .compliant("yaml", """
          - Effect: Allow
            Action: sts:AssumeRole
            Resource: !GetAtt DeployRole.Arn
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege")
      .build();

  /** A resource pattern that covers every role of an account (or of every account). */
  private static final Pattern ALL_ROLES = Pattern.compile("arn:[a-z*-]+:iam::[0-9*]*:role/\\**");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (IdentityPolicy policy : OverbroadActions.identityPolicies(context)) {
      for (PolicyStatement s : policy.document().statements()) {
        if (!s.allows() || s.notAction() || s.notResource()) continue;
        // Every action on every resource is full administrator access, which IAM001 reports.
        if (s.actions().known().stream().anyMatch(a -> ActionPattern.isEverything(a.value()))) continue;
        Optional<LocatedString> action = s.actions().known().stream()
            .filter(a -> ActionPattern.matchesAction(a.value(), TrustStatements.ASSUME_ROLE)).findFirst();
        if (action.isEmpty()) continue;
        Optional<LocatedString> resource = s.resources().known().stream()
            .filter(r -> r.value().equals("*") || ALL_ROLES.matcher(r.value()).matches()).findFirst()
            .or(() -> s.resources().partial().stream().filter(AssumeAnyRoleRule::everyRoleOfSomeAccount).findFirst()
                .map(r -> new LocatedString(r.value().replace(String.valueOf(Value.Unknown.HOLE), "${…}"), r.range())));
        if (resource.isEmpty()) continue;
        boolean conditional = s.hasConditions();
        String message = "%s %s allows \"%s\" on \"%s\": whoever holds it can assume every role that trusts its account%s"
            .formatted(PolicyMessages.policyName(policy), s.label(), action.get().value(), resource.get().value(),
                conditional ? " (a condition narrows it)" : "")
            + PolicyMessages.attachedSuffix(policy);
        sink.report(new Finding(METADATA, METADATA.severity(),
            message, action.get().range(), policy.owner().address(),
            action.get().value() + " on " + resource.get().value(), PolicyMessages.related(policy)));
      }
    }
  }

  /**
   * A template such as {@code arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*}: unresolved parts
   * only in the partition or account, and every role name. A hole in the role name is never read as
   * a wildcard.
   */
  private static boolean everyRoleOfSomeAccount(LocatedString r) {
    String v = r.value();
    int i = v.indexOf(":role/");
    if (i < 0 || v.indexOf(Value.Unknown.HOLE, i) >= 0) return false;
    return ALL_ROLES.matcher(v.substring(0, i).replace(Value.Unknown.HOLE, '*') + v.substring(i)).matches();
  }
}
