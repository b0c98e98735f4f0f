package dev.iamscan.iam;

import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the principal graph needs to know of a principal or policy beyond its policies, read from
 * either format: its IAM name and path (what ARNs in other policies name it by), its permissions
 * boundary, and the functions and stacks of the scan that run as a role.
 */
public final class PrincipalDetails {
  private PrincipalDetails() {}

  /**
   * A resource of the scan that runs with a role of the scan.
   *
   * @param kind {@code function} or {@code stack}
   * @param name its name, when known (a function's name, a stack's name)
   * @param role the role resource it runs as (for a SAM function whose role SAM creates, the
   *     function itself, which the IAM view lists as that role)
   */
  public record RunsAs(String kind, String name, Resource resource, Resource role) {}

  /** The IAM name of a user, group or role of the scan, when known and not blank. */
  public static Optional<String> name(PrincipalRef p) {
    Resource r = p.resource();
    if (r == null) return Optional.empty();
    boolean cfn = r.format() == Format.CLOUDFORMATION;
    String key = switch (p.kind()) {
      case USER -> cfn ? "UserName" : "name";
      case GROUP -> cfn ? "GroupName" : "name";
      case ROLE -> cfn ? "RoleName" : "name";
      default -> null;
    };
    if (key == null) return Optional.empty();
    return r.body().string(key).filter(n -> !n.isBlank());
  }

  /** The IAM path of a principal, {@code /} by default. */
  public static String path(PrincipalRef p) {
    Resource r = p.resource();
    if (r == null) return "/";
    return r.body().string(r.format() == Format.CLOUDFORMATION ? "Path" : "path").orElse("/");
  }

  /**
   * The permissions boundary a user or role sets, as written. A condition whose branch under the
   * defaults (every parameter or variable at its default) sets no boundary ({@code AWS::NoValue},
   * {@code null}) means none: the principal is unbounded as deployed by default, which is the reading
   * that hides no finding. A condition that sets a boundary by default, or whose outcome is not
   * known, stays as written (a boundary the scan cannot rely on).
   */
  public static Optional<Value.Field> boundary(PrincipalRef p) {
    Resource r = p.resource();
    if (r == null) return Optional.empty();
    return r.body().field(r.format() == Format.CLOUDFORMATION ? "PermissionsBoundary" : "permissions_boundary")
        .filter(f -> !(f.value() instanceof Value.Null) && !absentByDefault(f.value(), 0));
  }

  /** Whether the branches a condition takes under the defaults end in no value. */
  private static boolean absentByDefault(Value v, int depth) {
    if (v instanceof Value.Null) return true;
    if (!(v instanceof Value.Conditional c) || c.byDefault() == null || depth > 16) return false;
    return absentByDefault(c.byDefault() ? c.whenTrue() : c.whenFalse(), depth + 1);
  }

  /** The name of a customer managed policy resource, when known. */
  public static Optional<String> policyName(Resource policy) {
    return policy.body().string(policy.format() == Format.CLOUDFORMATION ? "ManagedPolicyName" : "name")
        .filter(n -> !n.isBlank());
  }

  /** The IAM path of a customer managed policy resource. */
  public static String policyPath(Resource policy) {
    return policy.body().string(policy.format() == Format.CLOUDFORMATION ? "Path" : "path").orElse("/");
  }

  /** Lambda functions and Terraform CloudFormation stacks of the scan, with the role each runs as. */
  public static List<RunsAs> runsAs(ResourceModel model) {
    List<RunsAs> out = new ArrayList<>();
    for (Resource r : model.resources()) {
      if (!r.kind().equals("resource")) continue;
      switch (r.type()) {
        case "aws_lambda_function" -> role(model, r, r.body().get("role")).ifPresent(role ->
            out.add(new RunsAs("function", r.body().string("function_name").orElse(null), r, role)));
        case "AWS::Lambda::Function" -> role(model, r, r.body().get("Role")).ifPresent(role ->
            out.add(new RunsAs("function", r.body().string("FunctionName").orElse(null), r, role)));
        case "AWS::Serverless::Function" -> {
          String name = r.body().string("FunctionName").orElse(null);
          Optional<Value> written = r.body().get("Role");
          if (written.isPresent()) {
            role(model, r, written).ifPresent(role -> out.add(new RunsAs("function", name, r, role)));
          } else if (r.body().has("Policies")) {
            out.add(new RunsAs("function", name, r, r));
          }
        }
        case "aws_cloudformation_stack" -> role(model, r, r.body().get("iam_role_arn")).ifPresent(role ->
            out.add(new RunsAs("stack", r.body().string("name").orElse(null), r, role)));
        default -> { }
      }
    }
    return out;
  }

  private static Optional<Resource> role(ResourceModel model, Resource from, Optional<Value> written) {
    if (written.isEmpty() || !(written.get() instanceof Value.Reference ref)) return Optional.empty();
    return model.resolve(from, ref).filter(t -> t.type().equals("aws_iam_role") || t.type().equals("AWS::IAM::Role"));
  }
}
