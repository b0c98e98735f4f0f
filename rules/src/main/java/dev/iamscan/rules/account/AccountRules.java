package dev.iamscan.rules.account;

import dev.iamscan.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/** The account-level rules (IAM050–IAM069): password policy, MFA, CloudTrail, Access Analyzer, policy grammar. */
public final class AccountRules {
  private AccountRules() {}

  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    rules.add(new WeakPasswordPolicyRule());
    rules.add(new MissingPasswordPolicyRule());
    rules.add(new ShortInitialPasswordRule());
    rules.add(new ConsoleUserWithoutMfaRule());
    rules.add(new PasswordResetNotRequiredRule());
    rules.add(new CrossAccountRoleWithoutMfaRule());
    rules.addAll(CloudTrailSettingRule.all());
    rules.add(new MissingAccessAnalyzerRule());
    rules.add(new InvalidStatementEffectRule());
    rules.add(new MalformedPolicyDocumentRule());
    rules.add(new ConsolidatedBillingOrganizationRule());
    return List.copyOf(rules);
  }
}
