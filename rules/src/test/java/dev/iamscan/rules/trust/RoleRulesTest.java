package dev.iamscan.rules.trust;

import static dev.iamscan.rules.Models.at;
import static dev.iamscan.rules.Models.cfn;
import static dev.iamscan.rules.Models.list;
import static dev.iamscan.rules.Models.obj;
import static dev.iamscan.rules.Models.text;
import static dev.iamscan.rules.Models.tf;
import static dev.iamscan.rules.Models.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.credentials.InstanceProfileWithoutRoleRule;
import dev.iamscan.rules.credentials.InstanceWithoutProfileRule;
import dev.iamscan.rules.grants.AssumeAnyRoleRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleRulesTest {
  private static List<Finding> run(Rule rule, Resource... resources) {
    List<Finding> out = new ArrayList<>();
    rule.check(ScanContext.of(new ResourceModel(List.of(resources))), out::add);
    return out;
  }

  private static Value.ObjectValue trust(int line, Object... statementKeyValues) {
    return obj(line, "Version", text("2012-10-17", line), "Statement", list(line, obj(line, statementKeyValues)));
  }

  @Test
  void instanceWithoutProfileIsReportedAtItsHeader() {
    List<Finding> f = run(new InstanceWithoutProfileRule(), tf("aws_instance", "web", obj(3, "ami", text("ami-1", 4))));
    assertEquals(1, f.size());
    assertEquals(3, f.get(0).location().startLine());
    assertEquals(Severity.MEDIUM, f.get(0).severity());
    assertTrue(f.get(0).message().contains("aws_instance.web"));
  }

  @Test
  void unknownProfileCountsAsSet() {
    assertEquals(List.of(), run(new InstanceWithoutProfileRule(),
        tf("aws_instance", "web", obj(3, "iam_instance_profile", unknown("var.profile", 4)))));
  }

  @Test
  void launchTemplateOfNodeGroupWithUnexpandedDynamicBlockIsNotReported() {
    // dynamic "launch_template" over a for_each from the caller stays one unknown.
    Resource template = new Resource(Format.TERRAFORM, "resource", "aws_launch_template", "this", "module.ng",
        obj(3, "name_prefix", text("nodes-", 4)), Value.ObjectValue.empty(at("t", 3)), at("t", 3), List.of());
    Resource group = new Resource(Format.TERRAFORM, "resource", "aws_eks_node_group", "this", "module.ng",
        obj(6, "cluster_name", text("main", 7), "launch_template", unknown("var.create ? [1] : []", 8)),
        Value.ObjectValue.empty(at("t", 6)), at("t", 6), List.of());
    assertEquals(List.of(), run(new InstanceWithoutProfileRule(), template, group));
    Resource elsewhere = new Resource(Format.TERRAFORM, "resource", "aws_launch_template", "bare", "module.other",
        obj(10, "name_prefix", text("web-", 11)), Value.ObjectValue.empty(at("t", 10)), at("t", 10), List.of());
    assertEquals(1, run(new InstanceWithoutProfileRule(), template, group, elsewhere).size());
  }

  @Test
  void launchTemplateDataUnknownIsNotReported() {
    assertEquals(List.of(), run(new InstanceWithoutProfileRule(),
        cfn("AWS::EC2::LaunchTemplate", "Lt", obj(3, "LaunchTemplateData", unknown("Fn::If ...", 4)))));
  }

  @Test
  void profileWithEmptyRolesIsReported() {
    assertEquals(1, run(new InstanceProfileWithoutRoleRule(),
        cfn("AWS::IAM::InstanceProfile", "P", obj(3, "Roles", list(4)))).size());
    assertEquals(0, run(new InstanceProfileWithoutRoleRule(),
        cfn("AWS::IAM::InstanceProfile", "P", obj(3, "Roles", list(4, text("web", 5))))).size());
  }

  @Test
  void everyoneInTrustPolicyIsCriticalAtThePrincipal() {
    Resource role = cfn("AWS::IAM::Role", "R", obj(2, "AssumeRolePolicyDocument", trust(3,
        "Effect", text("Allow", 4), "Principal", obj(5, "AWS", list(5, text("*", 6))), "Action", text("sts:AssumeRole", 7))));
    List<Finding> f = run(new TrustAnyoneRule(), role);
    assertEquals(1, f.size());
    assertEquals(6, f.get(0).location().startLine());
    assertEquals(Severity.CRITICAL, f.get(0).severity());
  }

  @Test
  void organizationConditionClosesTrustPolicy() {
    Resource role = cfn("AWS::IAM::Role", "R", obj(2, "AssumeRolePolicyDocument", trust(3,
        "Effect", text("Allow", 4), "Principal", text("*", 5), "Action", text("sts:AssumeRole", 6),
        "Condition", obj(7, "StringEquals", obj(8, "aws:PrincipalOrgID", text("o-abc", 8))))));
    assertEquals(List.of(), run(new TrustAnyoneRule(), role));
  }

  @Test
  void wholeAccountNeedsExternalIdOrMfa() {
    assertEquals("210987654321", TrustWholeAccountRule.accountOf("arn:aws-us-gov:iam::210987654321:root"));
    assertEquals("210987654321", TrustWholeAccountRule.accountOf("210987654321"));
    assertEquals(null, TrustWholeAccountRule.accountOf("arn:aws:iam::210987654321:role/x"));
    assertEquals(null, TrustWholeAccountRule.accountOf("arn:aws:iam::root"));
    assertTrue(TrustWholeAccountRule.narrows(clause("Bool", "aws:MultiFactorAuthPresent", "true")));
    assertFalse(TrustWholeAccountRule.narrows(clause("BoolIfExists", "aws:MultiFactorAuthPresent", "true")));
    assertTrue(TrustWholeAccountRule.narrows(clause("StringEquals", "sts:ExternalId", "abc")));
    assertFalse(TrustWholeAccountRule.narrows(clause("StringNotEquals", "sts:ExternalId", "abc")));
  }

  @Test
  void subjectValuesThatNameNothing() {
    assertTrue(WebIdentityWithoutSubjectRule.namesSomething("repo:my-org/my-repo:*"));
    assertTrue(WebIdentityWithoutSubjectRule.namesSomething("system:serviceaccount:ns:app"));
    assertFalse(WebIdentityWithoutSubjectRule.namesSomething("*"));
    assertFalse(WebIdentityWithoutSubjectRule.namesSomething("repo:*"));
    assertFalse(WebIdentityWithoutSubjectRule.namesSomething("repo:*/*:*"));
    assertFalse(WebIdentityWithoutSubjectRule.namesSomething("system:serviceaccount:*"));
    assertFalse(WebIdentityWithoutSubjectRule.pinsSubject(clause("StringEquals", "token.actions.githubusercontent.com:aud", "sts.amazonaws.com")));
    assertTrue(WebIdentityWithoutSubjectRule.pinsSubject(clause("StringLike", "token.actions.githubusercontent.com:sub", "repo:o/r:*")));
  }

  @Test
  void assumeRoleOnEveryRole() {
    Resource policy = cfn("AWS::IAM::ManagedPolicy", "P", obj(2, "PolicyDocument", obj(3, "Statement", list(3,
        obj(4, "Effect", text("Allow", 4), "Action", text("sts:AssumeRole", 5), "Resource", text("*", 6))))));
    List<Finding> f = run(new AssumeAnyRoleRule(), policy);
    assertEquals(1, f.size());
    assertEquals(5, f.get(0).location().startLine());
  }

  private static ConditionClause clause(String op, String key, String value) {
    SourceRange r = SourceRange.at("t", 1, 1);
    return new ConditionClause(op, key, List.of(new LocatedString(value, r)), false, r);
  }
}
