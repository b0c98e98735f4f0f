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
import dev.iamscan.state.Instance;
import dev.iamscan.state.LaunchTemplate;
import java.util.List;
import java.util.Optional;

/**
 * EC2 instances, launch templates and launch configurations that start instances without an
 * instance profile, so that the workload has no role to take credentials from.
 */
public final class InstanceWithoutProfileRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM030", "instance-without-profile")
      .category(Category.MISSING_INSTANCE_ROLE).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.HIGH)
      .summary("EC2 instance, launch template or launch configuration has no IAM instance profile")
      .description("""
          An EC2 instance started without an instance profile has no role, so the instance metadata \
          service hands it no temporary credentials. Workloads that need AWS access then get it some \
          other way, usually long-lived access keys copied onto the disk, baked into the image or \
          passed in user data, where they outlive the instance and leak with snapshots and backups. \
          The same holds for every instance an Auto Scaling group starts from a launch template or a \
          launch configuration without one.

          An instance that takes its settings from a launch template of the scan is compliant when \
          the template names a profile. A launch template used by an EKS managed node group or an \
          AWS Batch compute environment is not reported: those services supply the role themselves \
          (EKS rejects templates that name one). An instance profile set from a variable or \
          parameter without a value counts as set.
          """)
      .remediation("""
          create a role trusted by `ec2.amazonaws.com` with the permissions the workload needs, an \
          instance profile holding it, and name the profile on the instance, launch template or \
          launch configuration. A role with no policies is fine for instances that need no AWS \
          access: it still gives the SSM agent and the CloudWatch agent a place for permissions \
          later, without keys.
          """)
      .noncompliant("hcl", """
          resource "aws_launch_template" "web" {
            image_id      = "ami-0123456789abcdef0"
            instance_type = "t3.micro"
          }
          """)
      .compliant("hcl", """
          resource "aws_launch_template" "web" {
            image_id      = "ami-0123456789abcdef0"
            instance_type = "t3.micro"
            iam_instance_profile {
              arn = aws_iam_instance_profile.web.arn
            }
          }
          """)
      .references("https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html",
          "https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html")
      .build();

  private static final String WHY = "; without a role the workload gets AWS credentials some other way, usually long-lived keys on disk";

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (Instance i : context.state().instances()) {
      if (!AttributeValues.missing(i.profile())) continue;
      Resource r = i.owner();
      if (i.launchConfiguration()) {
        report(sink, r, r.displayName() + " is a launch configuration without " + i.profile().name() + WHY);
      } else {
        instance(i, sink);
      }
    }
    for (LaunchTemplate t : context.state().launchTemplates()) {
      if (!t.serviceManaged() && t.namesProfile().filter(b -> !b).isPresent()) {
        report(sink, t.owner(), t.owner().displayName() + " is a launch template without an IAM instance profile" + WHY);
      }
    }
  }

  /** An instance without a profile of its own: reported unless its launch template may give one. */
  private static void instance(Instance i, FindingSink sink) {
    Resource r = i.owner();
    String attr = i.profile().name();
    if (!i.usesLaunchTemplate()) {
      report(sink, r, r.displayName() + " is an EC2 instance without " + attr + WHY);
      return;
    }
    // A template outside the scan, or named by something not resolved, may well name a profile.
    Optional<LaunchTemplate> template = i.launchTemplate();
    if (template.isEmpty() || template.get().namesProfile().orElse(true)) return;
    Resource t = template.get().owner();
    Finding.Related rel = new Finding.Related("launch template " + t.displayName()
        + " names no instance profile either", t.headRange());
    sink.report(new Finding(METADATA, METADATA.severity(),
        r.displayName() + " is an EC2 instance without " + attr + ", and its launch template "
            + t.displayName() + " names none" + WHY,
        r.headRange(), r.address(), "", List.of(rel)));
  }

  private static void report(FindingSink sink, Resource r, String message) {
    sink.report(new Finding(METADATA, METADATA.severity(), message, r.headRange(), r.address(), "", List.of()));
  }
}
