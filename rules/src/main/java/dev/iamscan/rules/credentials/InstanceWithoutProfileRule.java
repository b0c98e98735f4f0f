package dev.iamscan.rules.credentials;

import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.Value;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.support.AttributeValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    ResourceModel model = context.model();
    Set<Resource> serviceManaged = serviceManagedTemplates(model);
    for (Resource r : model.resources()) {
      if (!r.kind().equals("resource")) continue;
      switch (r.type()) {
        case "aws_instance" -> {
          if (AttributeValues.missing(r.body(), "iam_instance_profile")) {
            instance(model, r, r.body().blocks("launch_template").stream().findFirst(), sink);
          }
        }
        case "AWS::EC2::Instance" -> {
          if (AttributeValues.missing(r.body(), "IamInstanceProfile")) {
            instance(model, r, r.body().object("LaunchTemplate"), sink);
          }
        }
        case "aws_launch_template", "AWS::EC2::LaunchTemplate" -> {
          if (!serviceManaged.contains(r) && templateHasProfile(r).filter(b -> !b).isPresent()) {
            report(sink, r, r.displayName() + " is a launch template without an IAM instance profile" + WHY);
          }
        }
        case "aws_launch_configuration" -> {
          if (AttributeValues.missing(r.body(), "iam_instance_profile")) {
            report(sink, r, r.displayName() + " is a launch configuration without iam_instance_profile" + WHY);
          }
        }
        case "AWS::AutoScaling::LaunchConfiguration" -> {
          if (AttributeValues.missing(r.body(), "IamInstanceProfile")) {
            report(sink, r, r.displayName() + " is a launch configuration without IamInstanceProfile" + WHY);
          }
        }
        default -> { }
      }
    }
  }

  /** An instance without a profile of its own: reported unless its launch template may give one. */
  private static void instance(ResourceModel model, Resource r, Optional<Value.ObjectValue> launchTemplate, FindingSink sink) {
    String attr = r.type().equals("aws_instance") ? "iam_instance_profile" : "IamInstanceProfile";
    if (launchTemplate.isEmpty()) {
      report(sink, r, r.displayName() + " is an EC2 instance without " + attr + WHY);
      return;
    }
    Optional<Resource> template = referencedTemplate(model, r, launchTemplate.get());
    // A template outside the scan, or named by something not resolved, may well name a profile.
    if (template.isEmpty() || templateHasProfile(template.get()).orElse(true)) return;
    Finding.Related rel = new Finding.Related("launch template " + template.get().displayName()
        + " names no instance profile either", template.get().headRange());
    sink.report(new Finding(METADATA, METADATA.severity(),
        r.displayName() + " is an EC2 instance without " + attr + ", and its launch template "
            + template.get().displayName() + " names none" + WHY,
        r.headRange(), r.address(), "", List.of(rel)));
  }

  /** The launch template of the scan a {@code launch_template} / {@code LaunchTemplate} block refers to. */
  private static Optional<Resource> referencedTemplate(ResourceModel model, Resource from, Value.ObjectValue spec) {
    for (Value.Field f : spec.fields()) {
      if (f.value() instanceof Value.Reference ref) {
        Optional<Resource> t = model.resolve(from, ref).filter(InstanceWithoutProfileRule::isLaunchTemplate);
        if (t.isPresent()) return t;
      }
    }
    return Optional.empty();
  }

  private static boolean isLaunchTemplate(Resource r) {
    return r.type().equals("aws_launch_template") || r.type().equals("AWS::EC2::LaunchTemplate");
  }

  /**
   * Whether a launch template names an instance profile: true, false, or empty when its data is not
   * known (a CloudFormation {@code LaunchTemplateData} from an unresolved expression).
   */
  static Optional<Boolean> templateHasProfile(Resource template) {
    if (template.type().equals("aws_launch_template")) {
      Optional<Value> block = template.body().get("iam_instance_profile");
      if (block.isEmpty()) return Optional.of(false);
      if (block.get() instanceof Value.ObjectValue o) {
        return Optional.of(!(AttributeValues.missing(o, "arn") && AttributeValues.missing(o, "name")));
      }
      return Optional.of(!AttributeValues.certainlyEmpty(block.get()));
    }
    Optional<Value> data = template.body().get("LaunchTemplateData");
    if (data.isEmpty()) return Optional.of(false);
    if (!(data.get() instanceof Value.ObjectValue o)) {
      return data.get().isKnown() ? Optional.of(false) : Optional.empty();
    }
    Optional<Value> profile = o.get("IamInstanceProfile");
    if (profile.isEmpty()) return Optional.of(false);
    if (profile.get() instanceof Value.ObjectValue p) {
      return Optional.of(!(AttributeValues.missing(p, "Arn") && AttributeValues.missing(p, "Name")));
    }
    return Optional.of(!AttributeValues.certainlyEmpty(profile.get()));
  }

  /**
   * Launch templates that EKS managed node groups and Batch compute environments use: those services
   * give the instances their role, and EKS refuses a template that names a profile.
   */
  private static Set<Resource> serviceManagedTemplates(ResourceModel model) {
    Set<Resource> out = new HashSet<>();
    for (String type : List.of("aws_eks_node_group", "AWS::EKS::Nodegroup", "aws_batch_compute_environment",
        "AWS::Batch::ComputeEnvironment")) {
      for (Resource user : model.ofType(type)) {
        List<Value.Reference> refs = new ArrayList<>();
        collectReferences(user.body(), refs, 0);
        for (Value.Reference ref : refs) {
          model.resolve(user, ref).filter(InstanceWithoutProfileRule::isLaunchTemplate).ifPresent(out::add);
        }
        // try(aws_launch_template.this[0].id, var.launch_template_id) stays unresolved, but still
        // names the template it prefers.
        for (String address : mentionedLaunchTemplates(user.body(), 0)) {
          model.lookup(user.scope(), address).filter(InstanceWithoutProfileRule::isLaunchTemplate).ifPresent(out::add);
        }
        // A launch_template block the evaluator could not expand (a dynamic block over an unknown
        // for_each, as in node group modules whose create flag comes from the caller) names no
        // template we can follow; the templates the same module instance defines are its own.
        if (unresolvedLaunchTemplate(user.body(), 0)) {
          for (Resource t : model.resources()) {
            if (isLaunchTemplate(t) && t.scope().equals(user.scope())) out.add(t);
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether a {@code launch_template} / {@code LaunchTemplate} field of the body is itself unknown
   * (a whole block the evaluator could not expand), rather than a block with unknown attributes.
   */
  private static boolean unresolvedLaunchTemplate(Value v, int depth) {
    if (depth > 16) return false;
    if (v instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) {
        boolean named = f.key().equals("launch_template") || f.key().equals("LaunchTemplate");
        if (named && f.value() instanceof Value.Unknown) return true;
        if (unresolvedLaunchTemplate(f.value(), depth + 1)) return true;
      }
    } else if (v instanceof Value.ListValue l) {
      for (Value i : l.items()) if (unresolvedLaunchTemplate(i, depth + 1)) return true;
    }
    return false;
  }

  private static final java.util.regex.Pattern LAUNCH_TEMPLATE_ADDRESS =
      java.util.regex.Pattern.compile("\\baws_launch_template\\.([A-Za-z_][A-Za-z0-9_-]*)");

  private static Set<String> mentionedLaunchTemplates(Value v, int depth) {
    Set<String> out = new HashSet<>();
    if (depth > 16) return out;
    if (v instanceof Value.Unknown u) {
      java.util.regex.Matcher m = LAUNCH_TEMPLATE_ADDRESS.matcher(u.expression());
      while (m.find()) out.add("aws_launch_template." + m.group(1));
    } else if (v instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) out.addAll(mentionedLaunchTemplates(f.value(), depth + 1));
    } else if (v instanceof Value.ListValue l) {
      for (Value i : l.items()) out.addAll(mentionedLaunchTemplates(i, depth + 1));
    }
    return out;
  }

  private static void collectReferences(Value v, List<Value.Reference> out, int depth) {
    if (depth > 16) return;
    if (v instanceof Value.Reference r) {
      out.add(r);
    } else if (v instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) collectReferences(f.value(), out, depth + 1);
    } else if (v instanceof Value.ListValue l) {
      for (Value i : l.items()) collectReferences(i, out, depth + 1);
    } else if (v instanceof Value.Conditional c) {
      collectReferences(c.whenTrue(), out, depth + 1);
      collectReferences(c.whenFalse(), out, depth + 1);
    }
  }

  private static void report(FindingSink sink, Resource r, String message) {
    sink.report(new Finding(METADATA, METADATA.severity(), message, r.headRange(), r.address(), "", List.of()));
  }
}
