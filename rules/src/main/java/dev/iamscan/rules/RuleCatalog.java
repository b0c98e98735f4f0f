package dev.iamscan.rules;

import dev.iamscan.rules.account.CloudTrailSettingRule;
import dev.iamscan.rules.account.ConsoleUserWithoutMfaRule;
import dev.iamscan.rules.account.ConsolidatedBillingOrganizationRule;
import dev.iamscan.rules.account.MissingAccessAnalyzerRule;
import dev.iamscan.rules.account.MissingPasswordPolicyRule;
import dev.iamscan.rules.account.PasswordResetNotRequiredRule;
import dev.iamscan.rules.account.ShortInitialPasswordRule;
import dev.iamscan.rules.account.WeakPasswordPolicyRule;
import dev.iamscan.rules.credentials.AccessKeyInReadablePlaceRule;
import dev.iamscan.rules.credentials.HardcodedCredentialsRule;
import dev.iamscan.rules.credentials.InstanceProfileWithoutRoleRule;
import dev.iamscan.rules.credentials.InstanceWithoutProfileRule;
import dev.iamscan.rules.credentials.LongLivedAccessKeyRule;
import dev.iamscan.rules.credentials.RootAccessKeyRule;
import dev.iamscan.rules.exposure.PublicAccessBlockDisabledRule;
import dev.iamscan.rules.exposure.PublicBucketAclRule;
import dev.iamscan.rules.exposure.PublicBucketPolicyRule;
import dev.iamscan.rules.exposure.PublicLambdaPermissionRule;
import dev.iamscan.rules.exposure.PublicResourcePolicyRule;
import dev.iamscan.rules.exposure.ServicePrincipalWithoutSourceRule;
import dev.iamscan.rules.grammar.InvalidStatementEffectRule;
import dev.iamscan.rules.grammar.MalformedPolicyDocumentRule;
import dev.iamscan.rules.grammar.PolicyGrammarRule;
import dev.iamscan.rules.grammar.ResourceSchemaRule;
import dev.iamscan.rules.grants.AssumeAnyRoleRule;
import dev.iamscan.rules.grants.AwsManagedAdminPolicyRule;
import dev.iamscan.rules.grants.CredentialReadOnAllResourcesRule;
import dev.iamscan.rules.grants.DataReadOnAllResourcesRule;
import dev.iamscan.rules.grants.FullAdminStatementRule;
import dev.iamscan.rules.grants.NotActionAllowRule;
import dev.iamscan.rules.grants.NotResourceAllowRule;
import dev.iamscan.rules.grants.PassRoleAllResourcesRule;
import dev.iamscan.rules.grants.PermissionsActionWildcardRule;
import dev.iamscan.rules.grants.PermissionsManagementOnAllResourcesRule;
import dev.iamscan.rules.grants.SensitiveActionWildcardRule;
import dev.iamscan.rules.grants.ServiceWildcardRule;
import dev.iamscan.rules.grants.UserAttachedPolicyRule;
import dev.iamscan.rules.grants.WildcardActionScopedResourceRule;
import dev.iamscan.rules.grants.WriteOnAllResourcesRule;
import dev.iamscan.rules.graph.AdministratorRule;
import dev.iamscan.rules.graph.EscalationPathRule;
import dev.iamscan.rules.trust.CrossAccountRoleWithoutMfaRule;
import dev.iamscan.rules.trust.TrustAnyoneRule;
import dev.iamscan.rules.trust.TrustWholeAccountRule;
import dev.iamscan.rules.trust.WebIdentityWithoutSubjectRule;
import java.util.List;
import java.util.Optional;

/**
 * Every rule iamscan has, in one list, in id order: adding a rule is adding a line here (no
 * reflection, no classpath scanning, no second list per package).
 */
public final class RuleCatalog {
  private static final List<Rule> ALL = List.of(
      new FullAdminStatementRule(),                  // IAM001
      new WildcardActionScopedResourceRule(),        // IAM002
      new ServiceWildcardRule(),                     // IAM003
      new NotActionAllowRule(),                      // IAM004
      new NotResourceAllowRule(),                    // IAM005
      new WriteOnAllResourcesRule(),                 // IAM006
      new PassRoleAllResourcesRule(),                // IAM007
      new EscalationPathRule(),                      // IAM008
      new AwsManagedAdminPolicyRule(),               // IAM009
      new UserAttachedPolicyRule(),                  // IAM010
      new RootAccessKeyRule(),                       // IAM011
      new HardcodedCredentialsRule(),                // IAM012
      new LongLivedAccessKeyRule(),                  // IAM013
      new AdministratorRule(),                       // IAM014
      new AccessKeyInReadablePlaceRule(),            // IAM015
      new PublicBucketPolicyRule(),                  // IAM020
      new PublicBucketAclRule(),                     // IAM021
      new PublicAccessBlockDisabledRule(),           // IAM022
      new PublicResourcePolicyRule(),                // IAM023
      new PublicLambdaPermissionRule(),              // IAM024
      new ServicePrincipalWithoutSourceRule(),       // IAM025
      new InstanceWithoutProfileRule(),              // IAM030
      new InstanceProfileWithoutRoleRule(),          // IAM031
      new TrustAnyoneRule(),                         // IAM032
      new TrustWholeAccountRule(),                   // IAM033
      new WebIdentityWithoutSubjectRule(),           // IAM034
      new AssumeAnyRoleRule(),                       // IAM035
      new SensitiveActionWildcardRule(),             // IAM040
      new PermissionsManagementOnAllResourcesRule(), // IAM041
      new PermissionsActionWildcardRule(),           // IAM042
      new CredentialReadOnAllResourcesRule(),        // IAM043
      new DataReadOnAllResourcesRule(),              // IAM044
      new WeakPasswordPolicyRule(),                  // IAM050
      new MissingPasswordPolicyRule(),               // IAM051
      new ShortInitialPasswordRule(),                // IAM052
      new ConsoleUserWithoutMfaRule(),               // IAM053
      new PasswordResetNotRequiredRule(),            // IAM054
      new CrossAccountRoleWithoutMfaRule(),          // IAM055
      CloudTrailSettingRule.logging(),               // IAM056
      CloudTrailSettingRule.multiRegion(),           // IAM057
      CloudTrailSettingRule.logValidation(),         // IAM058
      CloudTrailSettingRule.kmsEncryption(),         // IAM059
      CloudTrailSettingRule.cloudWatchLogs(),        // IAM060
      CloudTrailSettingRule.globalServiceEvents(),   // IAM061
      new MissingAccessAnalyzerRule(),               // IAM062
      new InvalidStatementEffectRule(),              // IAM063
      new MalformedPolicyDocumentRule(),             // IAM064
      new ConsolidatedBillingOrganizationRule(),     // IAM065
      new PolicyGrammarRule(),                       // IAM070
      new ResourceSchemaRule());                     // IAM071

  private RuleCatalog() {}

  public static List<Rule> all() {
    return ALL;
  }

  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(r -> r.metadata().id().equals(id)).findFirst();
  }
}
