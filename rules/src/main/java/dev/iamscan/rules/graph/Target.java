package dev.iamscan.rules.graph;

import dev.iamscan.model.Resource;
import java.util.Objects;

/**
 * A resource a statement may cover: an IAM user, group, role or policy, an instance, a function, a
 * stack. {@code name} is null when the scan does not know it (generated names); {@code any} marks
 * the placeholder for every resource of the type in the account, including those outside the scan.
 *
 * @param service the ARN's service ({@code iam}, {@code ec2}, ...)
 * @param type the resource type in the ARN ({@code user}, {@code role}, {@code instance}, ...)
 * @param path the IAM path, {@code /} by default; empty for other services
 * @param awsManaged an AWS-managed policy ({@code arn:aws:iam::aws:policy/...})
 * @param separator between type and name: {@code /} or {@code :} ({@code function:name})
 * @param resource the resource of the scan it is, for policies that name it by reference; or null
 */
record Target(String service, String type, String path, String name, boolean any, boolean awsManaged, String separator,
    Resource resource) {
  Target {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(type, "type");
    path = path == null ? "" : path;
  }

  Target(String service, String type, String path, String name, boolean any, boolean awsManaged, String separator) {
    this(service, type, path, name, any, awsManaged, separator, null);
  }

  static Target iam(String type, String path, String name) {
    return iam(type, path, name, null);
  }

  static Target iam(String type, String path, String name, Resource resource) {
    return new Target("iam", type, path == null || path.isEmpty() ? "/" : path, name, false, false, "/", resource);
  }

  static Target anyIam(String type) {
    return new Target("iam", type, "/", null, true, false, "/");
  }

  static Target any(String service, String type, String separator) {
    return new Target(service, type, "", null, true, false, separator);
  }

  /** The resource part of the ARN up to the name: {@code role/path/}. */
  String prefix() {
    return type + separator + (service.equals("iam") ? path.substring(1) : "");
  }

  boolean regional() {
    return !service.equals("iam");
  }
}
