package dev.iamscan.model;

import java.util.Objects;

/**
 * One block of a Terraform module or one entry of a CloudFormation template's {@code Resources}.
 *
 * @param format where it was written
 * @param kind Terraform block kind ({@code resource}, {@code data}, {@code provider}, {@code module})
 *     or {@code resource} for CloudFormation
 * @param type {@code aws_iam_role} / {@code AWS::IAM::Role}; the provider or module name for those kinds
 * @param name the block label or the CloudFormation logical id
 * @param scope the unit references resolve in: the module directory or the template file, relative
 *     to the scan root
 * @param body attributes and nested blocks (Terraform) or {@code Properties} (CloudFormation)
 * @param attributes CloudFormation entry attributes besides Properties ({@code Metadata},
 *     {@code Condition}, ...) or Terraform meta-arguments; may be empty
 * @param range the block header or the logical id key, to the end of the block
 */
public record Resource(
    Format format,
    String kind,
    String type,
    String name,
    String scope,
    Value.ObjectValue body,
    Value.ObjectValue attributes,
    SourceRange range) {

  public Resource {
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
   * How references name this resource: {@code aws_iam_role.ops}, {@code data.aws_iam_policy_document.x},
   * {@code module.site}, {@code provider.aws}, or the CloudFormation logical id.
   */
  public String address() {
    if (format == Format.CLOUDFORMATION) return name;
    return switch (kind) {
      case "resource" -> type + "." + name;
      case "data" -> "data." + type + "." + name;
      case "module" -> "module." + name;
      case "provider" -> name.isEmpty() ? "provider." + type : "provider." + type + "." + name;
      default -> kind + "." + type + (name.isEmpty() ? "" : "." + name);
    };
  }

  /** How messages name this resource: the address, or the logical id with its type. */
  public String displayName() {
    return format == Format.CLOUDFORMATION ? name + " (" + type + ")" : address();
  }

  /** The first line of the block, where a finding about the resource as a whole points. */
  public SourceRange headRange() {
    return new SourceRange(range.file(), range.startLine(), range.startColumn(), range.startLine(), range.startColumn());
  }
}
