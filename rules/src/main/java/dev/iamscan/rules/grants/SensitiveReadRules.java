package dev.iamscan.rules.grants;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.model.SourceRange;
import dev.iamscan.policy.ActionPattern;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.support.PolicyMessages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What IAM043 (credential reads and tag changes) and IAM044 (data reads) share: which action
 * patterns of a statement reach the actions of {@code sensitive-reads.tsv} on every resource, and
 * which rule reports a statement that allows several kinds of grant on every resource.
 *
 * <p>Grants on every resource are all fixed the same way, by naming the resources, so a statement
 * gets one finding for them, from the most severe rule that applies: IAM041 (permissions
 * management), then IAM043 (credentials, tags), then IAM006 (writes), then IAM044 (data). That
 * finding names the rest.
 */
final class SensitiveReadRules {
  private SensitiveReadRules() {}

  /** An action pattern of the statement and the table entries it reaches. */
  record Offending(LocatedString action, List<SensitiveReads.Entry> hits) {
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

  /**
   * Each action pattern of a statement is reported by one overbroad-grant rule: {@code *} by
   * IAM001, {@code service:*} by IAM003, a partial wildcard that reaches writes of a sensitive
   * service by IAM040 or IAM042.
   */
  static boolean ownedByBroaderRule(String pattern) {
    return ActionPattern.isEverything(pattern) || OverbroadActions.serviceWide(pattern).isPresent()
        || !SensitiveActionWildcardRule.reach(pattern).isEmpty();
  }

  /** The statement's patterns that reach table entries of the given kinds on every resource. */
  static List<Offending> offending(PolicyStatement s, Set<SensitiveReads.Kind> kinds) {
    List<Offending> out = new ArrayList<>();
    if (!s.allows() || s.notAction() || !OverbroadActions.onEveryResource(s)) return out;
    // "*" on every resource is full administrator access, IAM001's finding, whatever else is listed.
    if (s.actions().known().stream().anyMatch(a -> ActionPattern.isEverything(a.value()))) return out;
    for (LocatedString a : s.actions().known()) {
      if (ownedByBroaderRule(a.value())) continue;
      List<SensitiveReads.Entry> hits = SensitiveReads.reach(a.value()).stream()
          .map(x -> SensitiveReads.of(x).orElseThrow())
          .filter(e -> kinds.contains(e.kind()))
          .toList();
      if (!hits.isEmpty()) out.add(new Offending(a, hits));
    }
    return out;
  }

  static final Set<SensitiveReads.Kind> CREDENTIALS = Set.of(SensitiveReads.Kind.CREDENTIALS, SensitiveReads.Kind.TAGS);
  static final Set<SensitiveReads.Kind> DATA = Set.of(SensitiveReads.Kind.DATA);
  static final Set<SensitiveReads.Kind> ALL = Set.of(SensitiveReads.Kind.values());

  /** Whether the statement allows credential reads or tag changes on every resource (IAM043's). */
  static boolean readsCredentials(PolicyStatement s) {
    return !offending(s, CREDENTIALS).isEmpty();
  }

  /**
   * How another rule's finding names the reads of a statement it reports ("credential reads
   * (ssm:GetParameter) and data reads (s3:GetObject)"), or "" when there are none.
   */
  static String describe(PolicyStatement s, Set<SensitiveReads.Kind> kinds) {
    List<Offending> offending = offending(s, kinds);
    if (offending.isEmpty()) return "";
    Set<SensitiveReads.Kind> present = new TreeSet<>();
    offending.forEach(o -> o.hits().forEach(h -> present.add(h.kind())));
    List<String> parts = new ArrayList<>();
    for (SensitiveReads.Kind k : present) {
      parts.add(k.phrase() + " (" + offending.stream().filter(o -> o.hits().stream().anyMatch(h -> h.kind() == k))
          .map(o -> o.action().value()).collect(Collectors.joining(", ")) + ")");
    }
    return String.join(" and ", parts);
  }

  /**
   * Reports, as {@code rule}, every statement whose reads of the given kinds this rule owns:
   * {@code others} says what else the statement allows on every resource, or "" for nothing.
   */
  static void check(ScanContext context, RuleMetadata rule, Set<SensitiveReads.Kind> kinds,
      java.util.function.Predicate<PolicyStatement> owned,
      java.util.function.Function<PolicyStatement, String> others, FindingSink sink) {
    for (IdentityPolicy policy : OverbroadActions.identityPolicies(context)) {
      for (PolicyStatement s : policy.document().statements()) {
        List<Offending> offending = offending(s, kinds);
        if (offending.isEmpty() || !owned.test(s)) continue;
        report(rule, policy, s, offending, others.apply(s), sink);
      }
    }
  }

  private static final int SHOWN = 4;

  private static void report(RuleMetadata rule, IdentityPolicy policy, PolicyStatement s, List<Offending> offending,
      String others, FindingSink sink) {
    Set<SensitiveReads.Kind> kinds = new TreeSet<>();
    offending.forEach(o -> o.hits().forEach(h -> kinds.add(h.kind())));
    // The most dangerous first, so that a shortened list keeps them visible.
    List<Offending> shown = offending.stream().sorted(Comparator.comparing(Offending::worst)).toList();
    String names = shown.stream().limit(SHOWN).map(Offending::describe).collect(Collectors.joining("; "))
        + (shown.size() > SHOWN ? "; and " + (shown.size() - SHOWN) + " more" : "");
    String what = kinds.stream().map(SensitiveReads.Kind::phrase).collect(Collectors.joining(" and "));
    String message = "%s %s allows %s on every resource (\"*\"): %s%s%s".formatted(
        PolicyMessages.policyName(policy), s.label(), what, names,
        others.isEmpty() ? "" : "; it also allows " + others + " on every resource",
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
    sink.report(new Finding(rule, rule.severity(), message, at, policy.owner().address(), evidence, related));
  }
}
