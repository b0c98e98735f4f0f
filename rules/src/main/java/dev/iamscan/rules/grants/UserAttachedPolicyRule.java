package dev.iamscan.rules.grants;

import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.support.ValueText;
import java.util.ArrayList;
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
          the user. A user list the scanner cannot resolve (it may be empty) is not reported.
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
    for (Resource r : context.model().resources()) {
      if (!r.kind().equals("resource")) continue;
      if (r.format() == Format.TERRAFORM) terraform(context.model(), r, sink);
      else cloudFormation(context.model(), r, sink);
    }
  }

  private void terraform(ResourceModel model, Resource r, FindingSink sink) {
    switch (r.type()) {
      case "aws_iam_user_policy" -> single(model, r, "user", "its inline policy", sink);
      case "aws_iam_user_policy_attachment" -> single(model, r, "user", "managed policy " + policyText(model, r, "policy_arn"),
          "managed policy " + policyText(r, "policy_arn"), sink);
      case "aws_iam_policy_attachment" -> {
        for (Value u : entries(r.body().get("users").orElse(null))) {
          report(r, u.range(), "managed policy " + policyText(model, r, "policy_arn"),
              "managed policy " + policyText(r, "policy_arn"), userText(model, r, u), sink);
        }
      }
      default -> { }
    }
  }

  private void cloudFormation(ResourceModel model, Resource r, FindingSink sink) {
    switch (r.type()) {
      case "AWS::IAM::User" -> {
        String user = r.body().string("UserName").map(s -> "\"" + s + "\"").orElse(r.name());
        for (Value p : entries(r.body().get("Policies").orElse(null))) {
          String name = p.asObject().flatMap(o -> o.string("PolicyName")).map(s -> "\"" + s + "\"").orElse("(unnamed)");
          SourceRange at = p.asObject().flatMap(o -> o.field("PolicyName")).map(Value.Field::range).orElse(p.range());
          report(r, at, "inline policy " + name, user, sink);
        }
        for (Value arn : entries(r.body().get("ManagedPolicyArns").orElse(null))) {
          report(r, arn.range(), "managed policy " + ValueText.of(arn), user, sink);
        }
      }
      case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> {
        String kind = r.type().equals("AWS::IAM::Policy") ? "inline policy " : "managed policy ";
        for (Value u : entries(r.body().get("Users").orElse(null))) {
          report(r, u.range(), kind.equals("inline policy ") ? "its inline policy" : "this managed policy", userText(model, r, u), sink);
        }
      }
      case "AWS::IAM::UserPolicy" -> single(model, r, "UserName", "its inline policy", sink);
      default -> { }
    }
  }

  /** A resource that is a user policy by its type: certain even when the user is unresolved. */
  private void single(ResourceModel model, Resource r, String key, String policy, FindingSink sink) {
    single(model, r, key, policy, policy, sink);
  }

  private void single(ResourceModel model, Resource r, String key, String policy, String policyEvidence,
      FindingSink sink) {
    Optional<Value> user = r.body().get(key);
    if (user.isPresent() && user.get() instanceof Value.Null) return;
    report(r, user.map(Value::range).orElse(r.headRange()), policy, policyEvidence,
        user.map(u -> userText(model, r, u)).orElse("(no user named)"), sink);
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

  /** The policy ARN as written. */
  private static String policyText(Resource r, String key) {
    return r.body().get(key).map(ValueText::of).orElse("(unnamed)");
  }

  /** A policy of the scan by its address or logical id, like the user; otherwise the ARN as written. */
  private static String policyText(ResourceModel model, Resource r, String key) {
    return r.body().get(key).map(v -> userText(model, r, v)).orElse("(unnamed)");
  }

  /**
   * The entries certainly present in a list attribute: known items, and conditional items with a
   * branch that is present. A list the scanner cannot resolve may be empty and yields nothing.
   */
  static List<Value> entries(Value v) {
    List<Value> out = new ArrayList<>();
    if (v == null || v instanceof Value.Null || v instanceof Value.Unknown) return out;
    if (v instanceof Value.Conditional c) {
      List<Value> a = entries(c.whenTrue());
      List<Value> b = entries(c.whenFalse());
      if (!a.isEmpty()) out.addAll(a);
      else out.addAll(b);
      return out;
    }
    if (v instanceof Value.ListValue l) {
      for (Value item : l.items()) {
        if (item instanceof Value.Null) continue;
        if (item instanceof Value.Conditional c && entries(c.whenTrue()).isEmpty() && entries(c.whenFalse()).isEmpty()) {
          continue;
        }
        out.add(item);
      }
      return out;
    }
    out.add(v);
    return out;
  }
}
