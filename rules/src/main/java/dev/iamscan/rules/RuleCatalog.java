package dev.iamscan.rules;

import java.util.List;
import java.util.Optional;

/** Every rule iamscan has, as a plain list: no reflection, no classpath scanning. */
public final class RuleCatalog {
  private static final List<Rule> ALL = build();

  private static List<Rule> build() {
    List<Rule> all = new java.util.ArrayList<>();
    all.add(new dev.iamscan.rules.iam.FullAdminStatementRule());
    all.add(new dev.iamscan.rules.iam.WildcardActionScopedResourceRule());
    all.add(new dev.iamscan.rules.iam.ServiceWildcardRule());
    all.add(new dev.iamscan.rules.iam.NotActionAllowRule());
    all.add(new dev.iamscan.rules.iam.NotResourceAllowRule());
    all.add(new dev.iamscan.rules.iam.WriteOnAllResourcesRule());
    all.add(new dev.iamscan.rules.iam.PassRoleAllResourcesRule());
    all.add(new dev.iamscan.rules.iam.PrivilegeEscalationRule());
    all.add(new dev.iamscan.rules.iam.AwsManagedAdminPolicyRule());
    all.add(new dev.iamscan.rules.iam.UserAttachedPolicyRule());
    all.add(new dev.iamscan.rules.iam.RootAccessKeyRule());
    all.add(new dev.iamscan.rules.iam.HardcodedCredentialsRule());
    all.add(new dev.iamscan.rules.iam.LongLivedAccessKeyRule());
    all.add(new dev.iamscan.rules.iam.PublicBucketPolicyRule());
    all.add(new dev.iamscan.rules.iam.PublicBucketAclRule());
    all.add(new dev.iamscan.rules.iam.PublicAccessBlockDisabledRule());
    all.add(new dev.iamscan.rules.iam.PublicResourcePolicyRule());
    all.add(new dev.iamscan.rules.iam.PublicLambdaPermissionRule());
    all.add(new dev.iamscan.rules.iam.ServicePrincipalWithoutSourceRule());
    all.add(new dev.iamscan.rules.iam.InstanceWithoutProfileRule());
    all.add(new dev.iamscan.rules.iam.InstanceProfileWithoutRoleRule());
    all.add(new dev.iamscan.rules.iam.TrustAnyoneRule());
    all.add(new dev.iamscan.rules.iam.TrustWholeAccountRule());
    all.add(new dev.iamscan.rules.iam.WebIdentityWithoutSubjectRule());
    all.add(new dev.iamscan.rules.iam.AssumeAnyRoleRule());
    all.add(new dev.iamscan.rules.iam.SensitiveActionWildcardRule());
    all.add(new dev.iamscan.rules.iam.SensitiveReadOnAllResourcesRule());
    all.addAll(dev.iamscan.rules.account.AccountRules.all());
    all.addAll(dev.iamscan.rules.schema.SchemaRules.all());
    return List.copyOf(all);
  }

  private RuleCatalog() {}

  public static List<Rule> all() {
    return ALL;
  }

  public static Optional<Rule> byId(String id) {
    return ALL.stream().filter(r -> r.metadata().id().equals(id)).findFirst();
  }
}
