package dev.iamscan.rules.exposure;

import dev.iamscan.model.Resource;
import dev.iamscan.model.Value;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.state.ResourcePermission;
import dev.iamscan.state.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Lambda permission for principal {@code *} without a source or organization condition. */
public final class PublicLambdaPermissionRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM024", "public-lambda-permission")
      .category(Category.PUBLIC_RESOURCE_POLICY).severity(Severity.HIGH).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Lambda permission lets any principal invoke the function")
      .description("""
          `aws_lambda_permission` / `AWS::Lambda::Permission` adds a statement to the function's \
          resource policy. With `principal = "*"` and neither `source_arn`, `source_account` nor \
          `principal_org_id` (CloudFormation `SourceArn`, `SourceAccount`, `PrincipalOrgID`), every \
          AWS account can call the function with the granted action, running its code and its role's \
          permissions at anyone's request. With one of those set, Lambda adds a condition that pins \
          the caller, and the permission is not reported. Values from unresolved variables are not \
          guessed.
          """)
      .remediation("""
          name the service or account that calls the function as the principal, and set `source_arn` \
          (and `source_account` for S3) so that only your resource can invoke it.
          """)
      .noncompliant("hcl", """
          resource "aws_lambda_permission" "api" {
            function_name = aws_lambda_function.api.function_name
            action        = "lambda:InvokeFunction"
            principal     = "*"
          }
          """)
      .compliant("hcl", """
          resource "aws_lambda_permission" "api" {
            function_name = aws_lambda_function.api.function_name
            action        = "lambda:InvokeFunction"
            principal     = "apigateway.amazonaws.com"
            source_arn    = "${aws_api_gateway_rest_api.api.execution_arn}/*"
          }
          """)
      .references("https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html",
          "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_permission")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (ResourcePermission permission : context.state().permissions()) {
      if (!permission.service().equals("lambda")) continue;
      Resource r = permission.owner();
      Optional<Value> principal = permission.principal().value();
      if (principal.isEmpty()) continue;
      // Any limiting attribute that is written, even unresolved, adds a condition.
      if (permission.limits().stream().anyMatch(k -> k.written().isPresent())) continue;
      for (Value p : options(principal.get())) {
        if (!p.scalar().map("*"::equals).orElse(false)) continue;
        String action = permission.action().value().flatMap(Value::scalar).orElse("(unresolved action)");
        Optional<Value> fn = permission.target().value();
        Optional<Resource> target = fn.flatMap(v -> PublicGrant.target(context.model(), r, v));
        String function = target.map(Resource::displayName)
            .or(() -> fn.flatMap(Value::scalar))
            .map(n -> " on function " + n).orElse("");
        String message = "%s lets any principal (\"*\") %s%s without %s".formatted(r.displayName(), action, function,
            String.join(", ", permission.limits().stream().map(Setting::name).toList()));
        List<Finding.Related> related = target
            .map(t -> List.of(new Finding.Related("function " + t.displayName(), t.headRange())))
            .orElse(List.of());
        sink.report(new Finding(METADATA, METADATA.severity(), message, p.range(), r.address(), "principal * " + action, related));
      }
    }
  }

  private static List<Value> options(Value v) {
    if (v instanceof Value.Conditional c) {
      List<Value> out = new ArrayList<>(options(c.whenTrue()));
      out.addAll(options(c.whenFalse()));
      return out;
    }
    return List.of(v);
  }
}
