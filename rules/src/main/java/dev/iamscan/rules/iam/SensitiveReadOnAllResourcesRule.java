package dev.iamscan.rules.iam;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.model.SourceRange;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads of secrets and data, and changes to principals' tags, allowed on every resource: the
 * actions come from {@code sensitive-reads.tsv}, matched through the action catalogue so that
 * partial wildcards such as {@code secretsmanager:Get*} count.
 */
public final class SensitiveReadOnAllResourcesRule implements Rule {
  static final RuleMetadata METADATA = new RuleMetadata("IAM041", "sensitive-read-on-all-resources",
      Category.OVERBROAD_GRANT, Severity.HIGH,
      "Reads of secrets or data, or changes to principals' tags, allowed on every resource",
      """
      Some read actions hand over what an attacker is after: `secretsmanager:GetSecretValue`, \
      `ssm:GetParameter(s)` (SecureString values come back decrypted), `kms:Decrypt`, \
      `lambda:GetFunction` (code and environment variables), `ec2:DescribeInstanceAttribute` \
      (user data, where bootstrap secrets often live), `s3:GetObject`, `dynamodb:Scan`, \
      `elasticfilesystem:ClientMount`. With `Resource: "*"` they reach every secret, parameter, \
      function and bucket of the account, not the few the workload needs: one leaked credential \
      of this identity then exposes everything. Changing the tags of roles and users \
      (`iam:TagRole`, `iam:UntagUser`, ...) on every principal is reported too: where policies \
      decide access by `aws:PrincipalTag` or `aws:ResourceTag`, whoever sets the tags sets the \
      access.

      The actions are kept in one table (credential reads, data reads, access-control tags) and \
      matched through AWS's Service Authorization Reference, so partial wildcards such as \
      `secretsmanager:Get*` or `ssm:GetParam*` count; actions that accept only `*` (such as \
      `secretsmanager:BatchGetSecretValue`, which checks `GetSecretValue` on each secret) are not \
      reported. A statement is reported once, naming every offending action. `*` and service \
      wildcards (`ssm:*`) are reported by IAM001 and IAM003 instead, partial wildcards that also \
      reach writes of a sensitive service by IAM040, and `kms:Decrypt`, although AWS files it \
      under write, by this rule rather than IAM006. A statement that also allows write actions on \
      every resource is reported once, by IAM006, whose message names these reads too (one \
      finding per statement for grants on every resource: both are fixed by naming the \
      resources). A condition that admits only resources carrying a tag scopes the statement as \
      an ARN would and is not reported.

      Severity is **high** for credential reads and **medium** for data reads and tag changes; \
      `ec2:DescribeInstanceAttribute` (which every `ec2:Describe*` reaches) is **medium**, since \
      user data is meant for bootstrap scripts and a key written there is IAM012's finding. One \
      step lower when a condition limits when the statement applies.

      **How to fix:** name the secrets, parameters, keys, functions, buckets or principals \
      (ARNs, with a path or prefix wildcard where needed), or scope them with an \
      `aws:ResourceTag/KEY` condition.

      Noncompliant:
      ```hcl
      data "aws_iam_policy_document" "app" {
        statement {
          actions   = ["secretsmanager:GetSecretValue", "ssm:GetParameters"]
          resources = ["*"]
        }
      }
      ```

      Compliant:
      ```hcl
      data "aws_iam_policy_document" "app" {
        statement {
          actions   = ["secretsmanager:GetSecretValue"]
          resources = ["arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*"]
        }
      }
      ```
      """,
      List.of("https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
          "https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/introduction_attribute-based-access-control.html"),
      RuleMetadata.Precision.HIGH);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (IdentityPolicy policy : OverbroadActions.identityPolicies(context)) {
      for (PolicyStatement s : policy.document().statements()) {
        // One finding per statement for grants on every resource: "*" is IAM001's, and a
        // statement IAM006 reports names these reads in that finding.
        if (s.actions().known().stream().anyMatch(a -> OverbroadActions.isEverything(a.value()))) continue;
        if (WriteOnAllResourcesRule.reports(s)) continue;
        List<Offending> offending = offending(s);
        if (!offending.isEmpty()) report(policy, s, offending, sink);
      }
    }
  }

  private static List<Offending> offending(PolicyStatement s) {
    List<Offending> offending = new ArrayList<>();
    if (!s.allows() || s.notAction() || !OverbroadActions.onEveryResource(s)) return offending;
    for (LocatedString a : s.actions().known()) {
      if (ownedByBroaderRule(a.value())) continue;
      List<SensitiveReads.Entry> hits = SensitiveReads.reach(a.value()).stream()
          .map(x -> SensitiveReads.of(x).orElseThrow()).toList();
      if (!hits.isEmpty()) offending.add(new Offending(a, hits));
    }
    return offending;
  }

  /** How IAM006 names the reads of a statement it reports, or "" when there are none. */
  static String describeReads(PolicyStatement s) {
    List<Offending> offending = offending(s);
    if (offending.isEmpty()) return "";
    Set<SensitiveReads.Kind> kinds = new TreeSet<>();
    offending.forEach(o -> o.hits().forEach(h -> kinds.add(h.kind())));
    return kinds.stream().map(SensitiveReads.Kind::phrase).collect(Collectors.joining(" and ")) + " ("
        + offending.stream().map(o -> o.action().value()).collect(Collectors.joining(", ")) + ")";
  }

  /** The severity of the statement's reads before conditions, or empty when it has none. */
  static java.util.Optional<Severity> readSeverity(PolicyStatement s) {
    List<Offending> offending = offending(s);
    return offending.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(worstSeverity(offending));
  }

  private static Severity worstSeverity(List<Offending> offending) {
    return offending.stream().flatMap(o -> o.hits().stream()).map(SensitiveReads.Entry::severity)
        .max(Comparator.naturalOrder()).orElseThrow();
  }

  /**
   * Each action pattern of a statement is reported by one overbroad-grant rule: {@code *} by
   * IAM001, {@code service:*} by IAM003, a partial wildcard that reaches writes of a sensitive
   * service by IAM040.
   */
  static boolean ownedByBroaderRule(String pattern) {
    return OverbroadActions.isEverything(pattern) || OverbroadActions.serviceWide(pattern).isPresent()
        || !SensitiveActionWildcardRule.reach(pattern).isEmpty();
  }

  private static void report(IdentityPolicy policy, PolicyStatement s, List<Offending> offending, FindingSink sink) {
    Set<SensitiveReads.Kind> kinds = new TreeSet<>();
    offending.forEach(o -> o.hits().forEach(h -> kinds.add(h.kind())));
    Severity severity = OverbroadActions.conditioned(worstSeverity(offending), s);
    // The most dangerous first, so that a shortened list keeps them visible.
    List<Offending> shown = offending.stream().sorted(Comparator.comparing(Offending::worst)).toList();
    String names = shown.stream().limit(SHOWN).map(Offending::describe).collect(Collectors.joining("; "))
        + (shown.size() > SHOWN ? "; and " + (shown.size() - SHOWN) + " more" : "");
    String what = kinds.stream().map(SensitiveReads.Kind::phrase).collect(Collectors.joining(" and "));
    String message = "%s %s allows %s on every resource (\"*\"): %s%s".formatted(
        PolicyMessages.policyName(policy), s.label(), what, names,
        s.hasConditions() ? "; a condition limits when it applies" : "")
        + PolicyMessages.attachedSuffix(policy);
    SourceRange at = s.locate(shown.get(0).action(), s.actions().range());
    List<Finding.Related> related = new ArrayList<>(PolicyMessages.related(policy));
    Set<SourceRange> seen = new HashSet<>(List.of(at));
    for (Offending o : shown) {
      SourceRange r = s.locate(o.action(), s.actions().range());
      if (seen.add(r)) related.add(new Finding.Related(o.worst().phrase() + ": " + o.action().value(), r));
    }
    String evidence = offending.stream().map(o -> o.action().value()).collect(Collectors.joining(", ")) + " on *";
    sink.report(new Finding(METADATA, severity, message, at, policy.owner().address(), evidence, related));
  }

  private static final int SHOWN = 4;

  /** An action pattern of the statement and the table entries it reaches. */
  private record Offending(LocatedString action, List<SensitiveReads.Entry> hits) {
    SensitiveReads.Kind worst() {
      return hits.stream().map(SensitiveReads.Entry::kind).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** The action as written with what it hands over; a wildcard also with the actions it reaches. */
    String describe() {
      String p = action.value();
      String exposes = hits.stream().map(SensitiveReads.Entry::exposes).distinct().collect(Collectors.joining(", "));
      if (hits.size() == 1 && hits.get(0).action().equalsIgnoreCase(p.trim())) return p + " (" + exposes + ")";
      String reached = hits.stream().map(SensitiveReads.Entry::action).collect(Collectors.joining(", "));
      return p + " (reaches " + reached + ": " + exposes + ")";
    }
  }
}
