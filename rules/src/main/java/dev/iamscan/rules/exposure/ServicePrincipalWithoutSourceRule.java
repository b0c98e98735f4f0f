package dev.iamscan.rules.exposure;

import dev.iamscan.iam.ResourcePolicy;
import dev.iamscan.model.Resource;
import dev.iamscan.model.Value;
import dev.iamscan.policy.ActionAccessLevel;
import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyPrincipal;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.policy.PublicAccess;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.support.PolicyMessages;
import dev.iamscan.state.ResourcePermission;
import dev.iamscan.state.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A resource policy or Lambda permission that lets an AWS service principal in without pinning
 * the resource or account the service acts for: the confused deputy.
 */
public final class ServicePrincipalWithoutSourceRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM025", "service-principal-without-source")
      .category(Category.PUBLIC_RESOURCE_POLICY).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.HIGH)
      .summary("Resource policy or Lambda permission lets an AWS service in without a source condition")
      .description("""
          A service principal such as `s3.amazonaws.com`, `sns.amazonaws.com`, `events.amazonaws.com` \
          or `cognito-idp.amazonaws.com` is the same for every AWS customer. A resource policy \
          statement or a Lambda permission that lets it in without saying on whose behalf lets the \
          service act for **any** account: someone else's bucket notification, topic, rule or user \
          pool can be pointed at your function, queue or topic, and the service, allowed by your \
          policy, calls it for them (the cross-service confused deputy). AWS recommends pinning the \
          source in every resource policy that grants a service principal access: `aws:SourceArn` \
          (the resource that triggers the call) or `aws:SourceAccount` (its account); for a Lambda \
          permission, `source_arn` / `source_account` (CloudFormation `SourceArn` / \
          `SourceAccount`), which Lambda turns into those conditions. For S3 sources set both: \
          bucket ARNs carry no account.

          Also accepted as pinning the source: `aws:SourceOrgID`, `aws:SourceOrgPaths`, \
          `aws:SourceOwner`, any other fixed-value condition that makes a statement non-public \
          (`aws:PrincipalOrgID`, `aws:SourceVpce`, ...), an AWS-set KMS encryption context \
          (`kms:EncryptionContext:aws:logs:arn`, `kms:EncryptionContext:aws:cloudtrail:arn`), a Lambda \
          permission's `principal_org_id` or `event_source_token` (Alexa skills), and any condition \
          iamscan cannot resolve. Negated operators, `...IfExists` and `*` values pin nothing. Role \
          trust policies are not resource policies and are not judged here, nor are VPC endpoint \
          policies. `Principal: "*"` is IAM023's and IAM024's.

          A statement that only reads or lists (CloudTrail's `s3:GetBucketAcl` check, \
          `kms:DescribeKey`) is not reported: it hands the other account nothing, and the statement \
          that lets the service write, publish, invoke or decrypt is reported instead. One finding \
          per statement, naming every service principal it lets in without a source.
          """)
      .remediation("add the source resource (`aws:SourceArn`, `source_arn`) or account (`aws:SourceAccount`, `source_account`).")
      .noncompliant("hcl", """
          resource "aws_lambda_permission" "s3" {
            function_name = aws_lambda_function.thumbnail.function_name
            action        = "lambda:InvokeFunction"
            principal     = "s3.amazonaws.com"
          }
          """)
      .compliant("hcl", """
          resource "aws_lambda_permission" "s3" {
            function_name  = aws_lambda_function.thumbnail.function_name
            action         = "lambda:InvokeFunction"
            principal      = "s3.amazonaws.com"
            source_arn     = aws_s3_bucket.uploads.arn
            source_account = "111122223333"
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourcearn",
          "https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html",
          "https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html")
      .build();

  /** Endpoint policies filter what passes through an endpoint; they are not about who acts. */
  private static final Set<String> NOT_RESOURCE_POLICIES = Set.of("vpce");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    checkResourcePolicies(context, sink);
    checkLambdaPermissions(context, sink);
  }

  /** An AWS service principal ({@code NAME.amazonaws.com}, also the China partition's form). */
  static boolean isServicePrincipal(String id) {
    String s = id.trim().toLowerCase(Locale.ROOT);
    return !s.contains("*") && !s.contains("$") && (s.endsWith(".amazonaws.com") || s.endsWith(".amazonaws.com.cn"));
  }

  private static void checkResourcePolicies(ScanContext context, FindingSink sink) {
    for (ResourcePolicy policy : context.iam().resourcePolicies()) {
      if (NOT_RESOURCE_POLICIES.contains(policy.service())) continue;
      Optional<Resource> target = PublicGrant.target(context.model(), policy.owner(), policy.target())
          .filter(t -> !t.equals(policy.owner()));
      for (PolicyStatement s : policy.document().statements()) {
        if (!s.allows() || s.notPrincipal() || pinsSource(s)) continue;
        // Anyone at all is IAM020's and IAM023's finding, and covers the services too.
        if (s.principals().stream().anyMatch(PolicyPrincipal::isEveryone)) continue;
        List<PolicyPrincipal> services = s.principals().stream()
            .filter(p -> p.type().equals("Service") && isServicePrincipal(p.id())).toList();
        if (services.isEmpty()) continue;
        // A read or list alone (CloudTrail's ACL check, kms:DescribeKey) hands the other account
        // nothing; the harm is in the statement that lets the service write, and that is reported.
        boolean acts = s.notAction() || s.actions().known().stream().anyMatch(a -> !ActionAccessLevel.isReadOnly(a.value()));
        if (!acts && !s.actions().known().isEmpty()) continue;
        String actions = s.notAction() ? "every action but " + join(s.actions().known())
            : s.actions().known().isEmpty() ? "(unresolved actions)" : join(s.actions().known());
        List<String> ids = services.stream().map(PolicyPrincipal::id).distinct().toList();
        String names = String.join(", ", ids.subList(0, Math.min(ids.size(), SHOWN)))
            + (ids.size() > SHOWN ? " and " + (ids.size() - SHOWN) + " more" : "");
        String kind = policy.isBucketPolicy() ? "bucket policy"
            : PublicResourcePolicyRule.SERVICE_NAMES.getOrDefault(policy.service(), policy.service() + " resource policy");
        String message = "%s of %s %s lets the AWS service %s (%s)%s without aws:SourceArn or aws:SourceAccount: the service may act for any account"
            .formatted(kind, policy.owner().displayName(), s.label(), names, actions,
                target.map(t -> " on " + t.displayName()).orElse(""));
        List<Finding.Related> related = target
            .map(t -> List.of(new Finding.Related("protected resource " + t.displayName(), t.headRange())))
            .orElse(List.of());
        sink.report(new Finding(METADATA, METADATA.severity(), message, services.get(0).range(),
            policy.owner().address(), "Service " + String.join(", ", ids) + " without source",
            PolicyMessages.with(related, PolicyMessages.related(policy))));
      }
    }
  }

  private static final int SHOWN = 3;

  private static String join(List<LocatedString> values) {
    return values.stream().map(LocatedString::value).collect(Collectors.joining(", "));
  }

  /**
   * Whether a condition pins on whose behalf the service acts: every condition that makes a
   * statement non-public (aws:SourceArn, aws:SourceAccount, aws:SourceOrgID, aws:SourceOwner, ...,
   * or a condition that cannot be resolved), or an encryption context that AWS sets to the source
   * resource's ARN.
   */
  static boolean pinsSource(PolicyStatement s) {
    if (PublicAccess.limitedByCondition(s)) return true;
    for (ConditionClause c : s.conditions()) {
      if (c.negated() || c.ifExists()) continue;
      if (!c.lowerKey().startsWith("kms:encryptioncontext:aws:")) continue;
      String op = c.baseOperator();
      if (!(op.startsWith("String") || op.startsWith("Arn"))) continue;
      if (c.hasUnknown()) return true;
      if (!c.values().isEmpty() && c.values().stream().noneMatch(v -> v.value().trim().chars().allMatch(ch -> ch == '*'))) {
        return true;
      }
    }
    return false;
  }

  private static void checkLambdaPermissions(ScanContext context, FindingSink sink) {
    for (ResourcePermission permission : context.state().permissions()) {
      if (!permission.service().equals("lambda")) continue;
      Resource r = permission.owner();
      Optional<Value> principal = permission.principal().value();
      if (principal.isEmpty()) continue;
      // Any limiting attribute that is written, even unresolved, adds a condition.
      if (permission.limits().stream().anyMatch(k -> k.written().isPresent())) continue;
      for (Value p : options(principal.get())) {
        Optional<String> id = p.scalar();
        if (id.isEmpty() || !isServicePrincipal(id.get())) continue;
        String action = permission.action().value().flatMap(Value::scalar).orElse("(unresolved action)");
        Optional<Value> fn = permission.target().value();
        Optional<Resource> target = fn.flatMap(v -> PublicGrant.target(context.model(), r, v));
        String function = target.map(Resource::displayName)
            .or(() -> fn.flatMap(Value::scalar))
            .map(n -> " on function " + n).orElse("");
        List<String> limits = permission.limits().stream().map(Setting::name).toList();
        String message = "%s lets the AWS service %s %s%s without %s or %s: the service may invoke it for any account"
            .formatted(r.displayName(), id.get(), action, function, limits.get(0), limits.get(1));
        List<Finding.Related> related = target
            .map(t -> List.of(new Finding.Related("function " + t.displayName(), t.headRange())))
            .orElse(List.of());
        sink.report(new Finding(METADATA, METADATA.severity(), message, p.range(), r.address(),
            "principal " + id.get() + " " + action, related));
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
