package dev.iamscan.rules.account;

import dev.iamscan.model.Resource;
import dev.iamscan.model.Value;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.state.Organization;
import java.util.List;
import java.util.Optional;

/** An organization with only consolidated billing: service control policies cannot apply to it. */
public final class ConsolidatedBillingOrganizationRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM065", "organization-without-all-features")
      .category(Category.ORGANIZATIONS).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Organization has only consolidated billing, so service control policies cannot apply")
      .description("""
          An AWS Organization created with the `CONSOLIDATED_BILLING` feature set shares a bill and \
          nothing else. Service control policies, resource control policies and the other \
          organization-wide guard rails (denying actions to every account, protecting CloudTrail, \
          keeping accounts in approved regions) need the `ALL` feature set; without it, an \
          administrator of a member account can do anything in that account.
          """)
      .remediation("""
          use `feature_set = "ALL"` (Terraform's default) or `FeatureSet: ALL`, then attach service \
          control policies to the organization's root or units.
          """)
      .noncompliant("hcl", """
          resource "aws_organizations_organization" "this" {
            feature_set = "CONSOLIDATED_BILLING"
          }
          """)
      .compliant("hcl", """
          resource "aws_organizations_organization" "this" {
            feature_set                   = "ALL"
            enabled_policy_types          = ["SERVICE_CONTROL_POLICY"]
            aws_service_access_principals = ["cloudtrail.amazonaws.com"]
          }
          """)
      .references("https://docs.aws.amazon.com/organizations/latest/userguide/orgs_getting-started_concepts.html#feature-set",
          "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (Organization org : context.state().organizations()) {
      Resource r = org.owner();
      String key = org.featureSet().name();
      Optional<Value.Field> f = org.featureSet().field();
      if (f.isEmpty()) continue; // the default is ALL
      Settings.certainly(f.get().value(), v -> v.scalar().map("CONSOLIDATED_BILLING"::equals).orElse(false))
          .ifPresent(v -> sink.report(new Finding(METADATA, METADATA.severity(),
              "organization %s uses the CONSOLIDATED_BILLING feature set (%s); service control policies cannot apply to its accounts"
                  .formatted(r.displayName(), key),
              f.get().range(), r.address(), key + " = CONSOLIDATED_BILLING", List.of())));
    }
  }
}
