package dev.iamscan.rules.account;

import dev.iamscan.iam.IamView;
import dev.iamscan.iam.ManagedPolicyAttachment;
import dev.iamscan.iam.PrincipalRef;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.policy.Effect;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.state.LoginProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An IAM user with a console password whose permissions work without MFA. */
public final class ConsoleUserWithoutMfaRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM053", "console-user-without-mfa")
      .category(Category.MFA).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.HIGH)
      .summary("IAM user with a console password can use its permissions without MFA")
      .description("""
          A user who signs in with a password alone is one phished or reused password away from a \
          compromised account. AWS cannot require MFA at sign-in from a template, but policies can: \
          a `Deny` of everything (except managing one's own MFA device) when \
          `aws:MultiFactorAuthPresent` is false or missing, attached to the user or its groups, \
          makes every other permission depend on MFA. iamscan reports a user with a login profile \
          when none of its policies or groups has such a statement and not every permission it is \
          granted is conditioned on MFA. The finding points at the first statement that grants \
          access without MFA, or at the login profile when the scan shows no permission. Users whose \
          policies the scan cannot fully read (unresolved groups or policies) are not reported, and \
          neither are users a CloudFormation `AWS::IAM::VirtualMFADevice` is assigned to. A device \
          or MFA-enforcing policy that the defaults switch off (a `Condition` false with the \
          parameter defaults, `count = var.enforce_mfa ? 1 : 0` with a default of false) requires \
          nothing as deployed by default: the finding is reported and says when MFA would be \
          required.
          """)
      .remediation("""
          attach an MFA-enforcing statement to the users' group, or move people to IAM Identity \
          Center with MFA.
          """)
      .compliant("hcl", """
          data "aws_iam_policy_document" "require_mfa" {
            statement {
              effect        = "Deny"
              not_actions   = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices",
                               "iam:ResyncMFADevice", "iam:ChangePassword", "sts:GetSessionToken"]
              resources     = ["*"]
              condition {
                test     = "BoolIfExists"
                variable = "aws:MultiFactorAuthPresent"
                values   = ["false"]
              }
            }
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    IamView iam = context.iam();
    Set<String> seen = new LinkedHashSet<>();
    for (LoginProfile login : context.state().loginProfiles()) {
      PrincipalRef user = login.user();
      if (!seen.add(user.identity())) continue;
      Resource subject = login.owner();
      // What would require MFA but exists only under values other than the defaults.
      Set<String> onlyWhen = new LinkedHashSet<>();
      if (hasMfaDevice(context, user, subject, onlyWhen)) continue;
      Set<String> identities = new LinkedHashSet<>();
      identities.add(user.identity());
      boolean unseen = false;
      for (PrincipalRef g : iam.groupsOf(user)) {
        identities.add(g.identity());
        unseen |= g.resource() == null; // a group defined elsewhere may hold the MFA statement
      }
      if (unseen) continue;
      List<IamView.Grant> all = iam.grantsOf(user);
      // A policy the defaults switch off requires nothing as deployed by default.
      List<IamView.Grant> grants = all.stream().filter(g -> g.policy().owner().existsWhenever(subject)).toList();
      all.stream().filter(g -> !g.policy().owner().existsWhenever(subject) && MfaConditions.deniesWithoutMfa(g.statement()))
          .forEach(g -> g.policy().owner().appliesWhen().ifPresent(onlyWhen::add));
      // grantsOf lists statements only: a policy the scan cannot read contributes none, yet may hold the Deny.
      if (iam.identityPolicies().stream().anyMatch(p -> p.document().unknown() && appliesTo(iam, p, identities))) continue;
      List<PolicyStatement> statements = grants.stream().map(IamView.Grant::statement).toList();
      if (statements.stream().anyMatch(s -> s.effect() == Effect.UNKNOWN || (s.effect() == Effect.DENY && s.conditionsUnknown()))) continue;
      if (statements.stream().anyMatch(MfaConditions::deniesWithoutMfa)) continue;

      List<ManagedPolicyAttachment> managed = new ArrayList<>();
      boolean unknownManaged = false;
      for (ManagedPolicyAttachment m : iam.managedAttachments()) {
        if (m.principals().stream().noneMatch(p -> identities.contains(p.identity()))) continue;
        if (m.awsManagedName().isPresent()) managed.add(m);
        else if (!refersToScanPolicy(iam, m)) unknownManaged = true;
      }
      if (unknownManaged) continue;

      Optional<IamView.Grant> open = grants.stream()
          .filter(g -> g.statement().allows() && !MfaConditions.requiresMfa(g.statement()) && !g.statement().conditionsUnknown())
          .findFirst();
      if (open.isEmpty() && managed.isEmpty() && !grants.isEmpty()) continue; // every grant requires MFA
      SourceRange at;
      String what;
      List<Finding.Related> related = new ArrayList<>();
      related.add(new Finding.Related("console password of " + login.user().name(), login.at()));
      if (open.isPresent()) {
        PolicyStatement s = open.get().statement();
        at = s.range();
        Resource owner = open.get().policy().owner();
        // The user's own inline policy is "its own policy": the message has named the user already.
        what = "%s %s grants access without MFA".formatted(
            owner.equals(user.resource()) ? "its own policy" : owner.displayName(), s.label());
      } else if (!managed.isEmpty()) {
        at = managed.get(0).at();
        what = "AWS-managed policy %s applies without MFA".formatted(managed.get(0).awsManagedName().orElse("?"));
      } else {
        at = login.at();
        what = "no policy of the scan denies access without MFA";
        related.clear();
      }
      String unless = onlyWhen.isEmpty() ? "" : "; MFA is required only when " + String.join(" or ", onlyWhen);
      sink.report(new Finding(METADATA, METADATA.severity(),
          "user %s has a console password and nothing requires MFA: %s, and no statement of its policies or groups denies requests when aws:MultiFactorAuthPresent is false%s"
              .formatted(login.user().name(), what, unless),
          at, login.owner().address(), "", related));
    }
  }

  private static boolean appliesTo(IamView iam, dev.iamscan.iam.IdentityPolicy p, Set<String> identities) {
    if (p.attachedTo().stream().anyMatch(a -> identities.contains(a.identity()))) return true;
    return p.managed() && iam.managedAttachments().stream()
        .filter(m -> m.principals().stream().anyMatch(a -> identities.contains(a.identity())))
        .anyMatch(m -> iam.refersTo(m, p.owner()));
  }

  private static boolean refersToScanPolicy(IamView iam, ManagedPolicyAttachment m) {
    return iam.identityPolicies().stream().anyMatch(p -> p.managed() && iam.refersTo(m, p.owner()));
  }

  /** A CloudFormation virtual MFA device assigned to the user. */
  private static boolean hasMfaDevice(ScanContext context, PrincipalRef user, Resource subject, Set<String> onlyWhen) {
    if (user.resource() == null) return false;
    boolean found = false;
    for (var d : context.state().mfaDevices()) {
      if (!d.users().contains(user.resource())) continue;
      if (d.owner().existsWhenever(subject)) found = true;
      else d.owner().appliesWhen().ifPresent(onlyWhen::add);
    }
    return found;
  }
}
