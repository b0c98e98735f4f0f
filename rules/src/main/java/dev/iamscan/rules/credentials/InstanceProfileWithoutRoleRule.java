package dev.iamscan.rules.credentials;

import dev.iamscan.model.Resource;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.support.AttributeValues;
import dev.iamscan.state.InstanceProfile;
import java.util.List;

/** An instance profile that holds no role: instances started with it get no credentials. */
public final class InstanceProfileWithoutRoleRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM031", "instance-profile-without-role")
      .category(Category.MISSING_INSTANCE_ROLE).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Instance profile holds no IAM role")
      .description("""
          An instance profile is only a container for one role; the instance metadata service hands \
          an instance the temporary credentials of that role. A profile without a role gives the \
          instances that use it no credentials at all, so the workload ends up with AWS access some \
          other way, usually long-lived access keys on disk or in user data. It also hides the gap: \
          the instance looks like it has an IAM identity when it has none.

          `Roles` is required on `AWS::IAM::InstanceProfile`; Terraform accepts an \
          `aws_iam_instance_profile` without `role`. A role set from a variable or parameter without \
          a value counts as set.
          """)
      .remediation("put the role the workload should run as into the profile.")
      .noncompliant("yaml", """
          WebProfile:
            Type: AWS::IAM::InstanceProfile
            Properties:
              Path: /
          """)
      .compliant("yaml", """
          WebProfile:
            Type: AWS::IAM::InstanceProfile
            Properties:
              Roles:
                - !Ref WebRole
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html",
          "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-instanceprofile.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (InstanceProfile p : context.state().instanceProfiles()) {
      if (AttributeValues.missing(p.roles())) report(sink, p.owner(), p.roles().name());
    }
  }

  private static void report(FindingSink sink, Resource r, String attr) {
    sink.report(new Finding(METADATA, METADATA.severity(),
        r.displayName() + " is an instance profile without " + attr
            + ": instances using it get no role credentials and tend to fall back to long-lived keys on disk",
        r.headRange(), r.address(), "", List.of()));
  }
}
