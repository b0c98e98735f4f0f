package dev.iamscan.rules.grants;

import dev.iamscan.iam.IamView;
import dev.iamscan.iam.ManagedPolicyAttachment;
import dev.iamscan.iam.PrincipalKind;
import dev.iamscan.iam.PrincipalRef;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An identity whose policies together allow a known privilege-escalation method, evaluated over
 * all its inline and attached policies of the scan, group policies included for users.
 */
public final class PrivilegeEscalationRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM008", "privilege-escalation")
      .category(Category.OVERBROAD_GRANT).severity(Severity.HIGH).precision(RuleMetadata.Precision.HIGH)
      .summary("Identity is allowed a set of actions that escalates its own privileges")
      .description("""
          Some combinations of actions let an identity give itself more permissions than it was \
          granted: `iam:PutUserPolicy` on itself, `iam:CreatePolicyVersion` of a policy it holds, \
          `iam:PassRole` together with `lambda:CreateFunction` and `lambda:InvokeFunction` to run \
          code as a more powerful role, `iam:CreateAccessKey` for another user, and so on. iamscan \
          checks the published methods (Rhino Security Labs, as listed by Cloudsplaining, and \
          pathfinding.cloud) against every user, group, role, SAM function and permission set of the \
          scan, over all the policies that apply to it: inline policies, customer managed policies \
          attached to it and, for a user, its groups' policies. Actions are matched through \
          wildcards and without regard to case; a `Deny` without condition on every resource removes \
          an action. A method is reported once per identity, at the identity, with the statements \
          involved as related locations; a user is not reported again for a method its group alone \
          already allows. Methods fully granted by an `Action: "*"` statement are left to IAM001. A \
          grant limited by a condition is still reported, and the message says so.
          """)
      .remediation("""
          remove the actions the identity does not need, or scope them to resources it cannot use \
          against itself (for example `iam:PassRole` only on the roles it deploys, with \
          `iam:PassedToService`). Use permissions boundaries for identities that must manage IAM.
          """)
      .noncompliant("hcl", """
          resource "aws_iam_user_policy" "ci" {
            user   = aws_iam_user.ci.name
            policy = jsonencode({
              Version   = "2012-10-17"
              Statement = [{ Effect = "Allow", Action = ["iam:PutUserPolicy"], Resource = "*" }]
            })
          }
          """)
      .compliant("hcl", """
          resource "aws_iam_user_policy" "ci" {
            user   = aws_iam_user.ci.name
            policy = jsonencode({
              Version   = "2012-10-17"
              Statement = [{ Effect = "Allow", Action = ["iam:GetUser"], Resource = aws_iam_user.ci.arn }]
            })
          }
          """)
      .references("https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    IamView iam = context.iam();
    // An identity that holds AdministratorAccess has nothing to escalate to; IAM009 reports it.
    Set<PrincipalRef> administrators = new java.util.HashSet<>();
    for (ManagedPolicyAttachment m : iam.managedAttachments()) {
      if (m.awsManagedName().filter("AdministratorAccess"::equals).isPresent()) administrators.addAll(m.principals());
    }
    for (PrincipalRef principal : iam.principals()) {
      if (administrators.contains(principal)) continue;
      List<IamView.Grant> grants = iam.grantsOf(principal);
      if (grants.isEmpty()) continue;
      GrantIndex own = new GrantIndex(grants);
      List<GrantIndex> groupGrants = new ArrayList<>();
      if (principal.kind() == PrincipalKind.USER) {
        for (PrincipalRef g : iam.groupsOf(principal)) groupGrants.add(new GrantIndex(iam.grantsOf(g)));
      }
      Map<PrivilegeEscalationMethods.Method, List<IamView.Grant>> found = new LinkedHashMap<>();
      for (PrivilegeEscalationMethods.Method method : PrivilegeEscalationMethods.all()) {
        Optional<List<IamView.Grant>> used = own.allows(method);
        if (used.isEmpty()) continue;
        if (used.get().stream().allMatch(g -> adminEquivalent(g.statement()))) continue;
        if (groupGrants.stream().anyMatch(gg -> gg.allows(method).isPresent())) continue;
        found.put(method, used.get());
      }
      if (!found.isEmpty()) report(principal, found, sink);
    }
  }

  /** The grant used for each action of the method, in order, or empty when one action is not allowed. */
  static Optional<List<IamView.Grant>> allows(List<IamView.Grant> grants, PrivilegeEscalationMethods.Method method) {
    return new GrantIndex(grants).allows(method);
  }

  /**
   * One identity's grants, with the answer for each action worked out once: the methods share most
   * of their actions, and a scan may hold thousands of identities.
   */
  private static final class GrantIndex {
    private final List<IamView.Grant> grants;
    private final java.util.Map<String, Optional<IamView.Grant>> byAction = new java.util.HashMap<>();

    GrantIndex(List<IamView.Grant> grants) {
      this.grants = grants;
    }

    Optional<List<IamView.Grant>> allows(PrivilegeEscalationMethods.Method method) {
      List<IamView.Grant> used = new ArrayList<>();
      for (String action : method.actions()) {
        Optional<IamView.Grant> g = byAction.computeIfAbsent(action, this::grantFor);
        if (g.isEmpty()) return Optional.empty();
        used.add(g.get());
      }
      return Optional.of(used);
    }

    /** The best grant of an action (one without conditions first), or empty when denied or not granted. */
    private Optional<IamView.Grant> grantFor(String action) {
      if (grants.stream().anyMatch(g -> denies(g.statement(), action))) return Optional.empty();
      IamView.Grant best = null;
      for (IamView.Grant g : grants) {
        if (!PrivilegeEscalationRule.allows(g.statement(), action)) continue;
        if (best == null || (best.statement().hasConditions() && !g.statement().hasConditions())) best = g;
      }
      return Optional.ofNullable(best);
    }
  }

  /** An Allow statement covering the action, on any resource but the caller's own user. */
  static boolean allows(PolicyStatement s, String action) {
    if (!s.allows()) return false;
    if (!s.resources().present() && !s.notResource()) return false;
    if (onlySelf(s) || onlyNamedResources(s)) return false;
    return covers(s, action);
  }

  /**
   * Every resource is a named one (a specific role ARN, a reference to a role of the scan, an
   * unresolved value): passing that one role, or acting on that one user, escalates only as far as
   * that resource reaches, which the scan cannot tell. The escalation methods need a wildcard
   * resource ({@code *}, {@code role/*}) or NotResource.
   */
  private static boolean onlyNamedResources(PolicyStatement s) {
    if (s.notResource()) return false;
    return s.resources().known().stream().noneMatch(r -> r.value().contains("*"))
        && s.resources().partial().stream().noneMatch(r -> r.value().contains("*"));
  }

  /**
   * Resources written only with the caller's own identity ({@code user/${aws:username}}): managing
   * one's own keys or password is the self-service pattern AWS documents, not escalation to another
   * identity.
   */
  private static boolean onlySelf(PolicyStatement s) {
    if (s.notResource()) return false;
    return s.resources().allTexts(r -> r.contains("${aws:username}") || r.contains("${aws:userid}"));
  }

  /** A Deny without condition covering the action on every resource. */
  static boolean denies(PolicyStatement s, String action) {
    if (s.effect() != dev.iamscan.policy.Effect.DENY || s.hasConditions()) return false;
    if (!OverbroadActions.onEveryResource(s)) return false;
    return covers(s, action);
  }

  private static boolean covers(PolicyStatement s, String action) {
    boolean listed = s.actions().known().stream().anyMatch(a -> ActionPattern.matchesAction(a.value().trim(), action));
    if (!s.notAction()) return listed;
    // NotAction covers what it does not list; an unresolved entry might list the action.
    return !listed && !s.actions().hasUnknown();
  }

  /**
   * A statement that already grants administrator access: every action, or NotAction on every
   * resource that leaves IAM's policy-attaching actions allowed (it can attach AdministratorAccess
   * to itself). IAM001 and
   * IAM004 report it once; listing each escalation method it also allows adds nothing.
   */
  private static boolean adminEquivalent(PolicyStatement s) {
    if (fullAdmin(s)) return true;
    // iam:* on every resource is IAM003's finding (high, a service that controls identities).
    if (!s.notAction() && OverbroadActions.onEveryResource(s) && s.actions().known().stream()
        .anyMatch(a -> OverbroadActions.serviceWide(a.value()).filter("iam"::equals).isPresent())) {
      return true;
    }
    return s.notAction() && !s.actions().hasUnknown() && OverbroadActions.onEveryResource(s)
        && s.actions().known().stream().noneMatch(a -> ActionPattern.matchesAction(a.value().trim(), "iam:AttachUserPolicy")
            || ActionPattern.matchesAction(a.value().trim(), "iam:AttachRolePolicy")
            || ActionPattern.matchesAction(a.value().trim(), "iam:PutUserPolicy")
            || ActionPattern.matchesAction(a.value().trim(), "iam:PutRolePolicy"));
  }

  private static boolean fullAdmin(PolicyStatement s) {
    return !s.notAction() && OverbroadActions.onEveryResource(s)
        && s.actions().known().stream().map(LocatedString::value).anyMatch(ActionPattern::isEverything);
  }

  /**
   * One finding per identity, naming every method it can use: the same over-broad policy usually
   * opens several, and a reviewer fixes them in one place.
   */
  private static void report(PrincipalRef principal, Map<PrivilegeEscalationMethods.Method, List<IamView.Grant>> found,
      FindingSink sink) {
    boolean unconditional = found.values().stream()
        .anyMatch(used -> used.stream().noneMatch(g -> g.statement().hasConditions()));
    // Which actions each statement contributes, over all methods, in first-use order.
    Map<IamView.Grant, Set<String>> actionsBy = new LinkedHashMap<>();
    found.forEach((method, used) -> {
      for (int i = 0; i < used.size(); i++) {
        actionsBy.computeIfAbsent(used.get(i), g -> new java.util.TreeSet<>()).add(method.actions().get(i));
      }
    });
    List<Finding.Related> related = new ArrayList<>();
    actionsBy.forEach((g, actions) -> related.add(new Finding.Related("%s %s allows %s".formatted(
        PolicyMessages.policyName(g.policy()), g.statement().label(), String.join(", ", actions)),
        g.statement().range())));
    // An identity's own inline policy (a CloudFormation user's Policies) is "its own policy", not its name again.
    String via = actionsBy.keySet().stream()
        .map(g -> (principal.resource() != null && principal.resource().equals(g.policy().owner())
            ? "its own policy" : PolicyMessages.policyName(g.policy())) + " " + g.statement().label())
        .distinct().limit(3).collect(Collectors.joining(", "));
    if (actionsBy.size() > 3) via += " and " + (actionsBy.size() - 3) + " more statements";
    List<String> methods = found.keySet().stream().map(m -> m.name() + " (" + String.join(", ", m.actions()) + ")").toList();
    String listed = String.join(", ", methods.subList(0, Math.min(4, methods.size())))
        + (methods.size() > 4 ? " and " + (methods.size() - 4) + " more" : "");
    String message = "%s %s can escalate its privileges by %d %s: %s; allowed through %s%s".formatted(
        principal.kind().label(), principal.name(), methods.size(), methods.size() == 1 ? "method" : "methods",
        listed, via, unconditional ? "" : "; a condition limits part of every grant");
    String resource = principal.resource() != null ? principal.resource().address() : principal.name();
    String evidence = found.keySet().stream().map(PrivilegeEscalationMethods.Method::name).sorted()
        .collect(Collectors.joining(","));
    sink.report(new Finding(METADATA, METADATA.severity(), message, principal.range(), resource, evidence, related));
  }
}
