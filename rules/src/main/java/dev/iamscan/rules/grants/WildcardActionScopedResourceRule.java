package dev.iamscan.rules.grants;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.policy.ActionPattern;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.support.PolicyMessages;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Every action allowed on named resources: administrator of whatever those resources are. */
public final class WildcardActionScopedResourceRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM002", "wildcard-action-scoped-resource")
      .category(Category.OVERBROAD_GRANT).severity(Severity.HIGH).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("Policy statement allows every action on the resources it names")
      .description("""
          An `Allow` statement with `Action: "*"` (or `"*:*"`) grants every action of every service \
          on the resources it lists. Even when the resources are named, that includes deleting them, \
          changing their policies and encryption, and, when a resource is a role or a user, taking \
          it over. (With `Resource: "*"` the statement is full administrator access, reported by \
          IAM001.)

          Statements whose only resources are AWS-managed policy ARNs \
          (`arn:aws:iam::aws:policy/...`) are not reported: those policies cannot be changed, so \
          every action on them reads them at most.

          A condition narrows when the grant applies, not what it grants; such statements are \
          still reported. `Resource: "*"` with a condition that names the resources (a service key \
          such as `ecs:cluster` compared with one ARN, or a resource tag) is reported here too, \
          as every action on the resources the condition names.
          """)
      .remediation("list the actions the workload needs on those resources.")
      .noncompliant("hcl", """
          resource "aws_iam_role_policy" "app" {
            role   = aws_iam_role.app.id
            policy = jsonencode({
              Version   = "2012-10-17"
              Statement = [{ Effect = "Allow", Action = "*", Resource = "arn:aws:s3:::reports/*" }]
            })
          }
          """)
      .compliant("hcl", """
          resource "aws_iam_role_policy" "app" {
            role   = aws_iam_role.app.id
            policy = jsonencode({
              Version   = "2012-10-17"
              Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::reports/*" }]
            })
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html")
      .build();

  private static final Pattern AWS_MANAGED_POLICY = Pattern.compile("arn:[^:]+:iam::aws:policy/.+");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (IdentityPolicy policy : OverbroadActions.identityPolicies(context)) {
      for (PolicyStatement s : policy.document().statements()) {
        if (!s.allows() || s.notAction() || s.notResource() || !s.resources().present()) continue;
        // "*" confined by a condition that names the resources (ecs:cluster, a resource tag) is scoped.
        boolean scopedByCondition = OverbroadActions.namesEveryResource(s) && !OverbroadActions.onEveryResource(s);
        if ((s.resources().find("*").isPresent() && !scopedByCondition) || s.resources().isEmpty()) continue;
        // AWS-managed policies cannot be changed: every action on one only reads it.
        if (!s.resources().hasUnknown() && s.resources().known().stream().allMatch(r -> AWS_MANAGED_POLICY.matcher(r.value()).matches())) continue;
        Optional<LocatedString> action = s.actions().known().stream()
            .filter(a -> ActionPattern.isEverything(a.value())).findFirst();
        if (action.isEmpty()) continue;
        String resources = scopedByCondition ? OverbroadActions.scopedResources(s).substring("on ".length())
            : resourceText(s);
        String message = "%s %s allows every action (\"%s\") on %s%s".formatted(
            PolicyMessages.policyName(policy), s.label(), action.get().value(), resources,
            OverbroadActions.conditionNote(s))
            + PolicyMessages.attachedSuffix(policy);
        sink.report(new Finding(METADATA, METADATA.severity(), message,
            s.locate(action.get(), s.actions().range()), policy.owner().address(), action.get().value() + " on " + resources,
            PolicyMessages.related(policy)));
      }
    }
  }

  /** The resources as written: the known values, or else the templates with their unresolved parts as {@code ${…}}. */
  private static String resourceText(PolicyStatement s) {
    List<String> texts = s.resources().known().isEmpty()
        ? s.resources().partial().stream()
            .map(r -> r.value().replace(String.valueOf(dev.iamscan.model.Value.Unknown.HOLE), "${…}")).toList()
        : s.resources().known().stream().map(LocatedString::value).toList();
    if (texts.isEmpty()) return "resources the scan cannot resolve";
    return texts.stream().limit(3).collect(Collectors.joining(", "));
  }
}
