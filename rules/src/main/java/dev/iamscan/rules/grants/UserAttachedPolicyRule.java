package dev.iamscan.rules.grants;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.iam.UserAttachment;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.policy.Effect;
import dev.iamscan.policy.PolicyDocument;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.graph.ConditionFeasibility;
import dev.iamscan.rules.support.ValueText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Inline or managed policies attached directly to IAM users instead of groups or roles. */
public final class UserAttachedPolicyRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM010", "user-attached-policy")
      .category(Category.USER_ATTACHED_POLICY).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Policy attached directly to an IAM user")
      .description("""
          Permissions granted user by user drift apart: nobody can tell what a team may do, leavers \
          keep access through forgotten policies, and every change must be repeated on each user. \
          Granting through groups (for people) or roles (for workloads and federated people) keeps \
          one place to review and change.

          Severity is **medium**: the attachment does not grant more than the policy says, so it is \
          not an exposure by itself, but it makes excess access likely to go unnoticed and is a CIS \
          AWS Foundations control (IAM policies are attached only to groups or roles).

          Reported: `aws_iam_user_policy`, `aws_iam_user_policy_attachment`, \
          `aws_iam_policy_attachment` with `users`; CloudFormation `AWS::IAM::User` `Policies` and \
          `ManagedPolicyArns`, `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy` with `Users`, \
          `AWS::IAM::UserPolicy`. The finding points at the user named, or at the policy entry on \
          the user. A user list the scanner cannot resolve (it may be empty) is not reported, nor is a \
          policy of the scan whose statements allow nothing (it only denies, or a Deny of the same \
          document cancels each of its Allow statements, or their conditions can never hold); a policy \
          without statements, a policy the scan does not hold, or one it cannot read whole, is reported.
          """)
      .remediation("""
          attach the policy to a group and make the user a member, or, better, let the person or \
          workload assume a role.
          """)
      .noncompliant("hcl", """
          resource "aws_iam_user_policy_attachment" "deploy" {
            user       = aws_iam_user.deploy.name
            policy_arn = aws_iam_policy.deploy.arn
          }
          """)
      .compliant("hcl", """
          resource "aws_iam_group_policy_attachment" "deployers" {
            group      = aws_iam_group.deployers.name
            policy_arn = aws_iam_policy.deploy.arn
          }

          resource "aws_iam_user_group_membership" "deploy" {
            user   = aws_iam_user.deploy.name
            groups = [aws_iam_group.deployers.name]
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    ResourceModel model = context.model();
    ConditionFeasibility feasibility = new ConditionFeasibility(Instant.now());
    for (UserAttachment a : context.iam().userAttachments()) {
      Resource r = a.owner();
      if (grantsNothing(context, a, feasibility)) continue;
      String user = a.userLabel() != null ? a.userLabel()
          : a.user() == null ? "(no user named)" : userText(model, r, a.user());
      switch (a.kind()) {
        case INLINE -> report(r, a.at(), "its inline policy", user, sink);
        case NAMED_INLINE -> report(r, a.at(), "inline policy "
            + (a.policy() == null ? "(unnamed)" : a.policy().scalar().map(n -> "\"" + n + "\"").orElse("(unnamed)")), user, sink);
        case MANAGED -> report(r, a.at(),
            "managed policy " + (a.policy() == null ? "(unnamed)" : userText(model, r, a.policy())),
            "managed policy " + (a.policy() == null ? "(unnamed)" : ValueText.of(a.policy())), user, sink);
        case MANAGED_ON_USER -> report(r, a.at(), "managed policy " + ValueText.of(a.policy()), user, sink);
        case OWNER_MANAGED -> report(r, a.at(), "this managed policy", user, sink);
      }
    }
  }

  /**
   * Whether the attached policy is known to allow nothing: every document it stands for was read
   * whole, and after dropping the Allow statements a Deny of the same document cancels entirely or
   * whose condition can never hold, only Deny statements are left. A policy the scan does not hold
   * (an AWS-managed one, an unresolved reference) or cannot read whole may grant anything and is
   * reported.
   */
  private static boolean grantsNothing(ScanContext context, UserAttachment a, ConditionFeasibility feasibility) {
    List<IdentityPolicy> docs = attachedPolicies(context, a);
    if (docs.isEmpty()) return false;
    boolean written = false;
    for (IdentityPolicy p : docs) {
      PolicyDocument d = p.document();
      if (d.unknown() || !d.problems().isEmpty()) return false;
      if (OverbroadActions.granting(d, feasibility).statements().stream().anyMatch(s -> s.effect() != Effect.DENY)) {
        return false;
      }
      written |= !d.statements().isEmpty();
    }
    // A policy without statements is not a guard: it is still a policy written for one user.
    return written;
  }

  /** The identity policies of the scan an attachment puts on its user; empty when it names none of them. */
  private static List<IdentityPolicy> attachedPolicies(ScanContext context, UserAttachment a) {
    Resource r = a.owner();
    List<IdentityPolicy> all = context.iam().identityPolicies();
    return switch (a.kind()) {
      case INLINE -> all.stream().filter(p -> p.owner() == r && !p.managed()).toList();
      case OWNER_MANAGED -> all.stream().filter(p -> p.owner() == r && p.managed()).toList();
      case MANAGED, MANAGED_ON_USER -> {
        if (!(a.policy() instanceof Value.Reference ref)) yield List.of();
        Optional<Resource> target = context.model().resolve(r, ref);
        if (target.isEmpty()) yield List.of();
        yield all.stream().filter(p -> p.owner() == target.get() && p.managed()).toList();
      }
      case NAMED_INLINE -> a.document() == null ? List.of()
          : all.stream().filter(p -> p.owner() == r && p.at().equals(a.document())).toList();
    };
  }

  /** A user (or policy) of the scan by its address or logical id; otherwise the name as written. */
  private static String userText(ResourceModel model, Resource from, Value user) {
    if (user instanceof Value.Reference ref) {
      Optional<Resource> target = model.resolve(from, ref);
      if (target.isPresent()) return target.get().displayName();
    }
    return ValueText.of(user);
  }

  private void report(Resource r, SourceRange at, String policy, String user, FindingSink sink) {
    report(r, at, policy, policy, user, sink);
  }

  /** @param policyEvidence the policy as written: baselines keep matching whatever the scan resolves it to */
  private void report(Resource r, SourceRange at, String policy, String policyEvidence, String user,
      FindingSink sink) {
    String message = "%s attaches %s directly to user %s; grant it through a group or a role instead"
        .formatted(r.displayName(), policy, user);
    sink.report(new Finding(METADATA, METADATA.severity(), message, at, r.address(), policyEvidence + " on user " + user, List.of()));
  }
}
