package dev.iamscan.rules.grants;

import dev.iamscan.iam.ManagedPolicyAttachment;
import dev.iamscan.iam.PrincipalKind;
import dev.iamscan.iam.PrincipalRef;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** AdministratorAccess, PowerUserAccess or IAMFullAccess attached to an identity. */
public final class AwsManagedAdminPolicyRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM009", "aws-managed-admin-policy")
      .category(Category.OVERBROAD_GRANT).severity(Severity.CRITICAL).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("AWS-managed administrator policy attached to an identity")
      .description("""
          The AWS-managed policies `AdministratorAccess` (every action on every resource), \
          `PowerUserAccess` (everything but IAM and Organizations management, which still includes \
          every data action and most ways to run code) and `IAMFullAccess` (every IAM action, so the \
          holder can grant itself anything) make the identity an administrator of the account, or \
          one step away from it.

          iamscan recognises the ARN in any partition (`arn:aws:`, `arn:aws-us-gov:`, `arn:aws-cn:`, \
          `arn:${AWS::Partition}:`, Terraform `arn:${data.aws_partition.current.partition}:`), \
          through variables and locals, in `managed_policy_arns`, `ManagedPolicyArns`, policy \
          attachments, IAM Identity Center permission sets and SAM `Policies` names. All three are \
          **critical**: each makes the identity an administrator of the account or one step away \
          from it.
          """)
      .remediation("""
          attach a policy limited to what the identity needs; keep administrator access for a few \
          break-glass roles that require MFA.
          """)
      .noncompliant("yaml", """
          Role:
            Type: AWS::IAM::Role
            Properties:
              ManagedPolicyArns:
                - !Sub arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess
          """)
      .compliant("yaml", """
          Role:
            Type: AWS::IAM::Role
            Properties:
              ManagedPolicyArns:
                - !Sub arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess
          """)
      .references("https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html")
      .build();

  private static final Map<String, Severity> POLICIES = Map.of(
      "AdministratorAccess", Severity.CRITICAL,
      "PowerUserAccess", Severity.HIGH,
      "IAMFullAccess", Severity.HIGH);

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (ManagedPolicyAttachment m : context.iam().managedAttachments()) {
      for (Value v : branches(m.policy())) {
        ManagedPolicyAttachment one = new ManagedPolicyAttachment(v, m.owner(), v.range(), m.principals());
        Optional<String> name = one.awsManagedName();
        if (name.isEmpty() || !POLICIES.containsKey(name.get())) continue;
        // A role or user that lists the policy itself is named once: "to itself", not its name again.
        String to = m.principals().isEmpty() ? ""
            : m.principals().stream()
                .map(p -> !m.owner().equals(p.resource()) ? p.kind().label() + " " + p.name()
                    : p.kind() == PrincipalKind.FUNCTION_ROLE ? "its execution role" : "itself")
                .distinct()
                .collect(Collectors.joining(", ", " to ", ""));
        String message = "%s attaches the AWS-managed policy %s%s%s".formatted(
            m.owner().displayName(), name.get(), to,
            m.policy() instanceof Value.Conditional ? " (in one branch of a condition)" : "");
        List<Finding.Related> related = new ArrayList<>();
        for (PrincipalRef p : m.principals()) {
          if (p.resource() != null && !p.resource().equals(m.owner())) {
            related.add(new Finding.Related(p.kind().label() + " " + p.name(), p.resource().headRange()));
          }
        }
        SourceRange at = attribute(m.owner(), m.policy() instanceof Value.Conditional ? v.range() : m.at());
        sink.report(new Finding(METADATA, METADATA.severity(), message, at, m.owner().address(),
            name.get(), related));
      }
    }
  }

  /**
   * The value's own place when it is written in the attaching resource; the attribute that holds
   * it when it was resolved from elsewhere (a variable default, a local).
   */
  private static SourceRange attribute(Resource owner, SourceRange value) {
    SourceRange r = owner.range();
    if (value.file().equals(r.file()) && value.startLine() >= r.startLine() && value.startLine() <= r.endLine()) return value;
    for (Value.Field f : owner.body().fields()) {
      if (f.value().range().equals(value) || f.value().elements().stream().anyMatch(e -> e.range().equals(value))) return f.range();
    }
    return owner.headRange();
  }

  /** A value, or both branches of a condition: a branch that is certainly bad is reported. */
  private static List<Value> branches(Value v) {
    if (v instanceof Value.Conditional c) {
      List<Value> out = new ArrayList<>(branches(c.whenTrue()));
      out.addAll(branches(c.whenFalse()));
      return out;
    }
    return List.of(v);
  }
}
