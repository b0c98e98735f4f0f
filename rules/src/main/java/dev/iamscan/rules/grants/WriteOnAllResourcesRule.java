package dev.iamscan.rules.grants;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.model.SourceRange;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Write actions on {@code Resource: "*"} although the actions accept named resources. Actions that
 * only accept {@code *} are not findings: there is nothing narrower. A statement whose actions include
 * permissions management is IAM041's ({@link PermissionsManagementOnAllResourcesRule}), so that each
 * rule has one severity.
 */
public final class WriteOnAllResourcesRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM006", "write-on-all-resources")
      .category(Category.OVERBROAD_GRANT).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.HIGH)
      .summary("Write actions allowed on every resource")
      .description("""
          A statement that allows write actions (`s3:PutObject`, `dynamodb:DeleteItem`, ...) with \
          `Resource: "*"` lets them act on every such resource of the account, not the few the \
          workload uses. iamscan checks each action, also those a partial wildcard expands to, \
          against AWS's Service Authorization Reference and reports only actions that accept \
          resource-level permissions: actions such as `ec2:DescribeInstances`, `s3:ListAllMyBuckets` \
          or `cloudwatch:PutMetricData` accept only `*`, so `*` is not a finding for them. Read and \
          list actions are not reported. A condition that admits only resources carrying a tag \
          (`StringEquals` or `Null: false` on `aws:ResourceTag/...`) scopes the grant as an ARN \
          would, and so does `iam:AWSServiceName` for `iam:CreateServiceLinkedRole`: neither is \
          reported.

          A statement is reported once, at its first offending action, naming the offending actions \
          (wildcards with the actions they reach). A statement that also allows a \
          permissions-management action (`iam:PutRolePolicy`, `kms:PutKeyPolicy`, ...) on every \
          resource is reported by IAM041 instead, at high severity. A condition on the statement \
          limits when, not what: the finding stays, unless it names the resources (a resource tag, \
          or a service key such as `ecs:cluster` or `lambda:FunctionArn` compared with a specific \
          value), which scopes the grant as an ARN would. Service-wide wildcards (`s3:*`) are reported by \
          IAM003, partial wildcards of sensitive services by IAM040 and IAM042, `iam:PassRole` by \
          IAM007, `sts:AssumeRole` by IAM035, and `kms:Decrypt` (which AWS files under write) with \
          the other reads of secrets by IAM043. A statement is reported once for all its grants on \
          every resource, since naming the resources fixes them all: this finding names its data \
          reads (IAM044's actions) too, and a statement that also reads credentials is reported by \
          IAM043, which names these writes.
          """)
      .remediation("name the resources (ARNs, with wildcards inside the ARN where needed).")
      .noncompliant("yaml", """
          - Effect: Allow
            Action: sqs:SendMessage
            Resource: "*"
          """)
      .compliant("yaml", """
          - Effect: Allow
            Action: sqs:SendMessage
            Resource: !Sub arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs
          """)
      .references("https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_controlling.html#access_controlling-resources")
      .build();

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
    check(context, METADATA, false, sink);
  }

  /**
   * Reports, as {@code rule}, the statements that allow changing actions on every resource: those with
   * a permissions-management action when {@code permissionsRule}, the others when not.
   */
  static void check(ScanContext context, RuleMetadata rule, boolean permissionsRule, FindingSink sink) {
    for (IdentityPolicy policy : OverbroadActions.identityPolicies(context)) {
      for (PolicyStatement s : policy.document().statements()) {
        List<Offending> offending = offending(s);
        if (offending.isEmpty()) continue;
        if (offending.stream().anyMatch(Offending::managesPermissions) != permissionsRule) continue;
        // One finding per statement for grants on every resource (see SensitiveReadRules): credential
        // reads outrank writes, so IAM043 reports such a statement and names these writes.
        if (!permissionsRule && SensitiveReadRules.readsCredentials(s)) continue;
        String reads = SensitiveReadRules.describe(s, permissionsRule ? SensitiveReadRules.ALL : SensitiveReadRules.DATA);
        report(rule, policy, s, offending, reads, sink);
      }
    }
  }

  /** The statement's patterns that reach write or permissions-management actions on every resource. */
  static List<Offending> offending(PolicyStatement s) {
    List<Offending> offending = new ArrayList<>();
    if (!s.allows() || s.notAction() || !OverbroadActions.onEveryResource(s)) return offending;
    for (LocatedString a : s.actions().known()) {
      String p = a.value();
      // Each pattern is reported by one rule: the broader rules take precedence.
      if (ActionPattern.isEverything(p) || OverbroadActions.serviceWide(p).isPresent()) continue;
      if (!SensitiveActionWildcardRule.reach(p).isEmpty()) continue;
      List<IamActions.Action> hits = IamActions.get().expand(p).stream()
          .filter(x -> x.access().changes() && x.resourceLevel())
          .filter(x -> !x.qualified().equalsIgnoreCase("iam:PassRole"))
          // sts:AssumeRole on "*" is IAM035's finding, which this statement always gets.
          .filter(x -> !x.qualified().equalsIgnoreCase("sts:AssumeRole"))
          .filter(x -> !(x.qualified().equalsIgnoreCase("iam:CreateServiceLinkedRole") && namesService(s)))
          // kms:Decrypt and the other reads of secrets and data are IAM043's and IAM044's.
          .filter(x -> SensitiveReads.of(x).isEmpty())
          .toList();
      if (!hits.isEmpty()) offending.add(new Offending(a, hits));
    }
    return offending;
  }

  /** How IAM043 names the writes of a statement it reports ("write actions (s3:PutObject)"), or "". */
  static String describeWrites(PolicyStatement s) {
    List<Offending> offending = offending(s);
    if (offending.isEmpty()) return "";
    return "write actions (" + offending.stream().map(o -> o.action().value()).collect(Collectors.joining(", ")) + ")";
  }

  /** Whether IAM041 reports the statement: it allows permissions management on every resource. */
  static boolean managesPermissions(PolicyStatement s) {
    return offending(s).stream().anyMatch(Offending::managesPermissions);
  }

  /** Whether IAM006 or IAM041 reports the statement. */
  static boolean changesSomething(PolicyStatement s) {
    return !offending(s).isEmpty();
  }

  /**
   * One finding per statement: a statement is fixed in one place, so twelve findings for twelve
   * actions of one statement would be noise. The finding points at the first offending action and
   * names the rest; the others are related locations.
   */
  private static void report(RuleMetadata rule, IdentityPolicy policy, PolicyStatement s, List<Offending> offending,
      String reads, FindingSink sink) {
    boolean permissions = offending.stream().anyMatch(Offending::managesPermissions);
    boolean writes = offending.stream().anyMatch(o -> !o.managesPermissions());
    // Permissions management first: when the list is cut short, the most dangerous stay visible.
    List<Offending> shown = new ArrayList<>(offending.stream().filter(Offending::managesPermissions).toList());
    shown.addAll(offending.stream().filter(o -> !o.managesPermissions()).toList());
    String kind = (permissions && writes ? "permissions-management and write"
        : permissions ? "permissions-management" : "write") + (offending.size() == 1 ? " action" : " actions");
    String names = shown.stream().limit(SHOWN).map(Offending::describe).collect(Collectors.joining(", "))
        + (shown.size() > SHOWN ? " and " + (shown.size() - SHOWN) + " more" : "");
    String grant = offending.size() == 1 ? "the %s %s on every resource (\"*\")".formatted(kind, names)
        : "%s on every resource (\"*\"): %s".formatted(kind, names);
    String message = "%s %s allows %s%s%s".formatted(PolicyMessages.policyName(policy), s.label(), grant,
        reads.isEmpty() ? "" : "; it also allows " + reads + " on every resource",
        OverbroadActions.conditionNote(s))
        + PolicyMessages.attachedSuffix(policy);
    SourceRange at = s.locate(offending.get(0).action(), s.actions().range());
    List<Finding.Related> related = new ArrayList<>(PolicyMessages.related(policy));
    Set<SourceRange> seen = new HashSet<>(List.of(at));
    for (Offending o : offending) {
      SourceRange r = s.locate(o.action(), s.actions().range());
      if (seen.add(r)) related.add(new Finding.Related(o.kind() + " " + o.action().value(), r));
    }
    String evidence = offending.stream().map(o -> o.action().value()).collect(Collectors.joining(", ")) + " on *";
    sink.report(new Finding(rule, rule.severity(), message, at, policy.owner().address(), evidence, related));
  }

  private static final int SHOWN = 5;

  /** An action pattern of the statement and the resource-level actions it reaches that change things. */
  record Offending(LocatedString action, List<IamActions.Action> hits) {
    boolean managesPermissions() {
      return hits.stream().anyMatch(x -> x.access() == IamActions.Access.PERMISSIONS_MANAGEMENT);
    }

    String kind() {
      return managesPermissions() ? "permissions-management" : "write";
    }

    /** The action as written; a wildcard with what it reaches, since that is what the grant means. */
    String describe() {
      String p = action.value();
      if (hits.size() == 1 && hits.get(0).qualified().equalsIgnoreCase(p)) return p;
      List<IamActions.Action> ordered = new ArrayList<>(
          hits.stream().filter(x -> x.access() == IamActions.Access.PERMISSIONS_MANAGEMENT).toList());
      ordered.addAll(hits.stream().filter(x -> x.access() != IamActions.Access.PERMISSIONS_MANAGEMENT).toList());
      return p + " (reaches " + OverbroadActions.sample(ordered, 2) + ")";
    }
  }
}
