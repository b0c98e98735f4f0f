package dev.iamscan.rules.iam;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import java.util.List;

/**
 * Write or permissions-management actions on {@code Resource: "*"} although the actions accept
 * named resources. Actions that only accept {@code *} are not findings: there is nothing narrower.
 */
public final class WriteOnAllResourcesRule implements Rule {
  static final RuleMetadata METADATA = new RuleMetadata("IAM006", "write-on-all-resources",
      Category.OVERBROAD_GRANT, Severity.HIGH,
      "Write or permissions-management actions allowed on every resource",
      """
      A statement that allows write actions (`s3:PutObject`, `dynamodb:DeleteItem`, ...) or \
      permissions-management actions (`iam:PutRolePolicy`, `iam:AttachUserPolicy`, \
      `kms:PutKeyPolicy`, ...) with `Resource: "*"` lets them act on every such resource of the \
      account, not the few the workload uses. iamscan checks each action, also those a partial \
      wildcard expands to, against AWS's Service Authorization Reference and reports only actions \
      that accept resource-level permissions: actions such as `ec2:DescribeInstances`, \
      `s3:ListAllMyBuckets` or `cloudwatch:PutMetricData` accept only `*`, so `*` is not a finding \
      for them. Read and list actions are not reported. A condition that admits only resources \
      carrying a tag (`StringEquals` or `Null: false` on `aws:ResourceTag/...`) scopes the grant as \
      an ARN would, and so does `iam:AWSServiceName` for `iam:CreateServiceLinkedRole`: neither is \
      reported.

      Severity is **high** for permissions-management actions and **medium** for write actions; \
      one step lower when a condition limits the grant. Service-wide wildcards (`s3:*`) are \
      reported by IAM003, partial wildcards of sensitive services by IAM040, `iam:PassRole` by IAM007.

      **How to fix:** name the resources (ARNs, with wildcards inside the ARN where needed).

      Noncompliant:
      ```yaml
      - Effect: Allow
        Action: iam:PutRolePolicy
        Resource: "*"
      ```

      Compliant:
      ```yaml
      - Effect: Allow
        Action: iam:PutRolePolicy
        Resource: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app-*
      ```
      """,
      List.of("https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_controlling.html#access_controlling-resources"),
      RuleMetadata.Precision.HIGH);

  /**
   * A service-linked role's name and permissions are fixed by its service: with
   * {@code iam:AWSServiceName} pinned, iam:CreateServiceLinkedRole creates that one role, nothing else.
   */
  private static boolean namesService(PolicyStatement s) {
    return s.conditions().stream().anyMatch(c -> c.lowerKey().equals("iam:awsservicename")
        && !c.operator().contains(":") && !c.ifExists()
        && (c.baseOperator().equals("StringEquals") || c.baseOperator().equals("StringLike"))
        && (c.hasUnknown() || !c.values().isEmpty())
        && c.values().stream().noneMatch(v -> v.value().equals("*")));
  }

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (IdentityPolicy policy : OverbroadActions.identityPolicies(context)) {
      for (PolicyStatement s : policy.document().statements()) {
        if (!s.allows() || s.notAction() || !OverbroadActions.onEveryResource(s)) continue;
        for (LocatedString a : s.actions().known()) {
          String p = a.value();
          // Each pattern is reported by one rule: the broader rules take precedence.
          if (OverbroadActions.isEverything(p) || OverbroadActions.serviceWide(p).isPresent()) continue;
          if (!SensitiveActionWildcardRule.reach(p).isEmpty()) continue;
          List<IamActions.Action> hits = IamActions.get().expand(p).stream()
              .filter(x -> x.access().changes() && x.resourceLevel())
              .filter(x -> !x.qualified().equalsIgnoreCase("iam:PassRole"))
              .filter(x -> !(x.qualified().equalsIgnoreCase("iam:CreateServiceLinkedRole") && namesService(s)))
              .toList();
          if (hits.isEmpty()) continue;
          List<IamActions.Action> permissions = hits.stream()
              .filter(x -> x.access() == IamActions.Access.PERMISSIONS_MANAGEMENT).toList();
          Severity severity = OverbroadActions.conditioned(permissions.isEmpty() ? Severity.MEDIUM : Severity.HIGH, s);
          List<IamActions.Action> shown = permissions.isEmpty() ? hits : permissions;
          String what = OverbroadActions.sample(shown, 3);
          String message = "%s %s allows \"%s\" on every resource (\"*\"): %s %s %s%s".formatted(
              PolicyMessages.policyName(policy), s.label(), p,
              permissions.isEmpty() ? "write" : "permissions-management",
              shown.size() == 1 ? "action" : "actions such as", what,
              s.hasConditions() ? "; a condition limits when, not what" : "")
              + PolicyMessages.attachedSuffix(policy);
          sink.report(new Finding(METADATA, severity, message, PolicyMessages.locate(a, s, s.actions().range()),
              policy.owner().address(), p + " on *", PolicyMessages.related(policy)));
        }
      }
    }
  }
}
