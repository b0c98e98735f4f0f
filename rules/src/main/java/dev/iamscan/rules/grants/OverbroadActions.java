package dev.iamscan.rules.grants;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.iam.StandalonePolicyDocuments;
import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.Effect;
import dev.iamscan.policy.PolicyDocument;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.graph.ConditionFeasibility;
import dev.iamscan.rules.graph.SameDocumentDeny;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What the overbroad-grant rules share: how action patterns are classified. */
final class OverbroadActions {
  private OverbroadActions() {}

  /**
   * Services whose permissions decide who can do what, or guard keys and secrets: a wildcard on
   * them is an account takeover or a data exposure rather than an over-grant within one service.
   */
  static final Set<String> SENSITIVE_SERVICES = Set.of(
      "iam", "sts", "kms", "organizations", "secretsmanager", "sso", "sso-directory", "identitystore",
      "account", "cloudtrail", "access-analyzer", "ram");

  /**
   * Services that are the message channel of an AWS agent (the SSM Agent and Session Manager): the
   * agent needs every one of their actions, and every one accepts only {@code Resource: "*"}, so a
   * service wildcard on them grants exactly what naming each action would.
   */
  static final Set<String> AGENT_CHANNELS = Set.of("ssmmessages", "ec2messages");

  /** Whether {@code service:*} on {@code *} equals the one grant the service allows (see {@link #AGENT_CHANNELS}). */
  static boolean wildcardIsWholeAgentChannel(String service) {
    String s = service.toLowerCase(Locale.ROOT);
    return AGENT_CHANNELS.contains(s) && IamActions.get().acceptsOnlyEveryResource(s);
  }

  static boolean sensitive(String service) {
    return SENSITIVE_SERVICES.contains(service.toLowerCase(Locale.ROOT));
  }

  /** {@code iam} for {@code iam:*} or {@code IAM:**}; empty for anything else. */
  static Optional<String> serviceWide(String pattern) {
    String p = pattern.trim();
    int c = p.indexOf(':');
    if (c <= 0) return Optional.empty();
    String svc = p.substring(0, c);
    String act = p.substring(c + 1);
    if (svc.contains("*") || svc.contains("?") || act.isEmpty()) return Optional.empty();
    if (!act.chars().allMatch(ch -> ch == '*')) return Optional.empty();
    return Optional.of(svc.toLowerCase(Locale.ROOT));
  }

  /** A wildcard within one named service's actions, such as {@code iam:Put*} or {@code s3:*Object}. */
  static boolean partialWildcard(String pattern) {
    String p = pattern.trim();
    int c = p.indexOf(':');
    if (c <= 0) return false;
    String svc = p.substring(0, c);
    String act = p.substring(c + 1);
    if (svc.contains("*") || svc.contains("?")) return false;
    return (act.contains("*") || act.contains("?")) && serviceWide(p).isEmpty();
  }


  /**
   * Whether a statement reaches every resource: its known resources include {@code *} and no
   * condition confines it to resources carrying a tag (which scopes it as an ARN would).
   */
  static boolean onEveryResource(PolicyStatement s) {
    return namesEveryResource(s) && s.conditions().stream().noneMatch(OverbroadActions::scopesResources);
  }

  /**
   * Whether a clause confines the statement to some resources: to those carrying a tag, or to the
   * one a service condition key names ({@code ecs:cluster} compared with a cluster's ARN).
   */
  static boolean scopesResources(ConditionClause c) {
    return c.limitsToTaggedResources() || ResourceConditionKeys.scopes(c).isPresent();
  }

  /**
   * What a message says about a statement's conditions: nothing without one, nothing when a
   * condition confines the resources (the grant is then scoped, and saying it "limits when, not
   * what" would be false), otherwise that the condition limits when the grant applies, not what.
   */
  static String conditionNote(PolicyStatement s) {
    if (!s.hasConditions() || s.conditions().stream().anyMatch(OverbroadActions::scopesResources)) return "";
    return "; a condition limits when, not what";
  }

  /** How a message names the resources of a statement that does not reach every resource. */
  static String scopedResources(PolicyStatement s) {
    if (!namesEveryResource(s)) return "on the resources it names";
    List<String> keys = new ArrayList<>();
    for (ConditionClause c : s.conditions()) {
      if (c.limitsToTaggedResources()) keys.add(c.key());
      ResourceConditionKeys.scopes(c).ifPresent(k -> keys.add(k.name()));
    }
    return keys.isEmpty() ? "on the resources it names" : "on the resources its condition names (" + String.join(", ", keys) + ")";
  }

  /** Whether a statement's known resources include {@code *}, whatever its conditions. */
  static boolean namesEveryResource(PolicyStatement s) {
    return !s.notResource() && s.resources().find("*").isPresent();
  }

  /** Up to {@code max} action names, with how many more there are. */
  static String sample(List<IamActions.Action> actions, int max) {
    String head = actions.stream().limit(max).map(IamActions.Action::qualified).collect(Collectors.joining(", "));
    return actions.size() > max ? head + " and " + (actions.size() - max) + " more" : head;
  }

  /**
   * The identity policies of the scan, and Terraform policy documents that nothing in the scan
   * uses (they are identity policies handed to another module and grant what they say), each as
   * {@link #granting} leaves it: the statement-level rules judge what a document really grants.
   */
  static List<IdentityPolicy> identityPolicies(ScanContext context) {
    List<IdentityPolicy> all = new ArrayList<>(context.iam().identityPolicies());
    all.addAll(StandalonePolicyDocuments.of(context.iam()));
    ConditionFeasibility feasibility = new ConditionFeasibility(Instant.now());
    List<IdentityPolicy> out = new ArrayList<>(all.size());
    for (IdentityPolicy p : all) {
      var doc = granting(p.document(), feasibility);
      out.add(doc == p.document() ? p : new IdentityPolicy(doc, p.owner(), p.at(), p.managed(), p.attachedTo()));
    }
    return out;
  }

  /**
   * The document without the Allow statements that grant nothing: those a Deny of the same
   * document cancels entirely ({@link SameDocumentDeny}), and those whose condition can never hold
   * ({@link ConditionFeasibility}, the check the principal graph uses). The same document when
   * nothing is dropped.
   */
  static PolicyDocument granting(PolicyDocument d, ConditionFeasibility feasibility) {
    PolicyDocument doc = SameDocumentDeny.withoutCancelled(d);
    List<PolicyStatement> kept = doc.statements().stream()
        .filter(s -> s.effect() != Effect.ALLOW || feasibility.neverHolds(s).isEmpty())
        .toList();
    if (kept.size() == doc.statements().size()) return doc;
    return new PolicyDocument(kept, doc.unknown(), doc.problems(), doc.range(), doc.builtFrom());
  }
}
