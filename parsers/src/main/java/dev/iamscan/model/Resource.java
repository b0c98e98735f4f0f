package dev.iamscan.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One block of a Terraform module or one entry of a CloudFormation template's {@code Resources}.
 *
 * @param format where it was written
 * @param kind Terraform block kind ({@code resource}, {@code data}, {@code provider}, {@code module},
 *     {@code output}), or {@code resource} or {@code output} (an entry of {@code Outputs}) for
 *     CloudFormation
 * @param type {@code aws_iam_role} / {@code AWS::IAM::Role}; the provider or module name for those kinds
 * @param name the block label or the CloudFormation logical id
 * @param scope the unit references resolve in: the module directory or the template file, relative
 *     to the scan root
 * @param body attributes and nested blocks (Terraform) or {@code Properties} (CloudFormation)
 * @param attributes CloudFormation entry attributes besides Properties ({@code Metadata},
 *     {@code Condition}, ...) or Terraform meta-arguments; may be empty
 * @param range the block header or the logical id key, to the end of the block
 * @param moduleCalls the Terraform {@code module} calls that created this instance, outermost first;
 *     empty for a root module and for CloudFormation. A module instance has its own {@code scope}
 *     ({@code modules/bucket#module.site.module.bucket}) so that references resolve inside it.
 */
public record Resource(
    Format format,
    String kind,
    String type,
    String name,
    String scope,
    Value.ObjectValue body,
    Value.ObjectValue attributes,
    SourceRange range,
    List<ModuleCall> moduleCalls) {

  public Resource {
    moduleCalls = moduleCalls == null ? List.of() : List.copyOf(moduleCalls);
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(range, "range");
  }

  /**
   * The attribute saying under which input values a resource exists that the defaults switch off
   * (Terraform {@code count = var.enabled ? 1 : 0} with a default of false): such a resource is
   * scanned, as CloudFormation resources with a {@code Condition} are, and findings on it say when
   * they apply.
   */
  public static final String APPLIES_WHEN = "iamscan:applies_when";

  /**
   * Under which input values this resource exists when that is not always: a Terraform resource
   * switched off by variable defaults ({@code var.enabled = true}), a CloudFormation resource with
   * a {@code Condition} ({@code condition IsProd is true}). Empty for a resource that always exists.
   */
  public Optional<String> appliesWhen() {
    Optional<String> tf = attributes.string(APPLIES_WHEN);
    if (tf.isPresent()) return tf;
    if (format == Format.CLOUDFORMATION) return attributes.string("Condition").map(c -> "condition " + c + " is true");
    return Optional.empty();
  }

  /**
   * The attribute marking a CloudFormation resource whose {@code Condition} is false with the
   * parameter defaults (a Terraform resource has {@link #APPLIES_WHEN} only when its defaults
   * switch it off).
   */
  public static final String OFF_BY_DEFAULT = "iamscan:off_by_default";

  /**
   * Whether this resource exists only under input values other than the defaults: a Terraform
   * resource its variable defaults switch off, a CloudFormation resource whose condition is false
   * with the parameter defaults. A condition that the defaults leave undecided, or make true, is
   * not off: the resource may well exist as deployed.
   */
  public boolean offByDefault() {
    if (format == Format.CLOUDFORMATION) {
      return attributes.get(OFF_BY_DEFAULT).flatMap(Value::scalar).map("true"::equals).orElse(false);
    }
    return attributes.string(APPLIES_WHEN).isPresent();
  }

  /**
   * Whether this resource exists whenever {@code other} does, as far as the defaults tell: it is not
   * switched off by them, or it exists under the very condition {@code other} exists under (same
   * condition in the same module or template). A resource that protects another (a password
   * policy, an analyzer, a public-access block) protects it only then.
   */
  public boolean existsWhenever(Resource other) {
    if (!offByDefault()) return true;
    return appliesWhen().equals(other.appliesWhen()) && scope.equals(other.scope());
  }

  /** The same resource in another scope with another call chain (module instances, relocation). */
  public Resource withModule(String newScope, List<ModuleCall> calls) {
    return new Resource(format, kind, type, name, newScope, body, attributes, range, calls);
  }

  /**
   * The calls that lead here without instance keys, {@code module.site.module.bucket}; empty for a
   * root module. Instances of one call that yield the same finding are one finding.
   */
  public String modulePath() {
    return moduleCalls.stream().map(ModuleCall::callName).collect(Collectors.joining("."));
  }

  /**
   * How references name this resource: {@code aws_iam_role.ops}, {@code data.aws_iam_policy_document.x},
   * {@code module.site}, {@code provider.aws}, or the CloudFormation logical id.
   */
  public String address() {
    if (format == Format.CLOUDFORMATION) return name;
    return switch (kind) {
      case "resource" -> type + "." + name;
      case "data" -> "data." + type + "." + name;
      case "module" -> "module." + name;
      case "output" -> "output." + name;
      case "provider" -> name.isEmpty() ? "provider." + type : "provider." + type + "." + name;
      default -> kind + "." + type + (name.isEmpty() ? "" : "." + name);
    };
  }

  /**
   * How messages name this resource: the address prefixed by the module calls that lead to it,
   * with their instance keys ({@code module.site.module.bucket.aws_iam_policy.this},
   * {@code module.users["alice"].aws_iam_user.this}), or the logical id with its type. The scanner
   * merges the findings of instances of one module into one that names them.
   */
  public String displayName() {
    if (format == Format.CLOUDFORMATION) return name + " (" + type + ")";
    return moduleCalls.isEmpty() ? address() : instancePath() + "." + address();
  }

  /**
   * How a short message (a step of a path, a node of a picture) names this resource: the logical
   * id alone in CloudFormation, the display name in Terraform.
   */
  public String shortName() {
    return format == Format.CLOUDFORMATION ? name : displayName();
  }

  /** The calls that lead here with their instance keys: {@code module.users["alice"].module.keys[0]}. */
  public String instancePath() {
    return moduleCalls.stream().map(ModuleCall::address).collect(Collectors.joining("."));
  }

  /** The first line of the block, where a finding about the resource as a whole points. */
  public SourceRange headRange() {
    return new SourceRange(range.file(), range.startLine(), range.startColumn(), range.startLine(), range.startColumn());
  }

  /**
   * The directory this resource is deployed from, relative to the scan root ({@code ""} for the
   * root): a Terraform module's directory, a CloudFormation template's directory.
   */
  public String directory() {
    String s = scope.replace('\\', '/');
    if (format == Format.CLOUDFORMATION) {
      int slash = s.lastIndexOf('/');
      s = slash < 0 ? "" : s.substring(0, slash);
    }
    if (s.equals(".") || s.equals("./")) return "";
    if (s.startsWith("./")) s = s.substring(2);
    while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
    return s;
  }
}
