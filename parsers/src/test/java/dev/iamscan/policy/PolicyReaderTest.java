package dev.iamscan.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyReaderTest {
  private static SourceRange at(int line) {
    return SourceRange.at("main.tf", line, 3);
  }

  private static Value.Text text(String s, int line) {
    return new Value.Text(s, at(line));
  }

  private static Value.ObjectValue obj(int line, Object... kv) {
    List<Value.Field> fields = new ArrayList<>();
    for (int i = 0; i < kv.length; i += 2) {
      Value v = (Value) kv[i + 1];
      fields.add(new Value.Field((String) kv[i], v.range(), v));
    }
    return new Value.ObjectValue(fields, at(line));
  }

  private static Value.ListValue list(int line, Value... items) {
    return new Value.ListValue(List.of(items), at(line));
  }

  private static Resource data(String name, Value.ObjectValue body) {
    return new Resource(Format.TERRAFORM, "data", "aws_iam_policy_document", name, ".", body,
        Value.ObjectValue.empty(body.range()), body.range(), List.of());
  }

  private static Resource owner() {
    Value.ObjectValue empty = Value.ObjectValue.empty(at(1));
    return new Resource(Format.TERRAFORM, "resource", "aws_iam_policy", "p", ".", empty, empty, at(1), List.of());
  }

  @Test
  void verbatimJsonStringPointsAtStatementLines() {
    String json = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Action": ["s3:GetObject", "iam:*"], "Resource": "*"},
            {"Action": "*", "Resource": "*"}
          ]
        }""";
    Value.Text t = new Value.Text(json, new SourceRange("main.tf", 20, 1, 26, 1), true);
    PolicyDocument d = new PolicyReader(new ResourceModel(List.of())).read(t, owner());
    assertEquals(2, d.statements().size());
    PolicyStatement s = d.statements().get(0);
    assertEquals(Effect.ALLOW, s.effect());
    assertEquals(23, s.range().startLine());
    assertEquals(List.of("s3:getobject", "iam:*"), s.actions().lowerCaseValues());
    assertEquals(23, s.actions().known().get(1).range().startLine());
    assertEquals(Effect.MISSING, d.statements().get(1).effect(), "a missing Effect is not Allow");
  }

  @Test
  void invalidJsonBecomesAProblemWithItsLine() {
    Value.Text t = new Value.Text("{\n \"Statement\": [\n  {\"Effect\" \"Allow\"}\n ]\n}", new SourceRange("main.tf", 10, 1, 14, 1), true);
    PolicyDocument d = new PolicyReader(new ResourceModel(List.of())).read(t, owner());
    assertTrue(d.statements().isEmpty());
    assertEquals(1, d.problems().size());
    assertEquals(12, d.problems().get(0).line());
  }

  @Test
  void principalForms() {
    Value.ObjectValue doc = obj(1, "Statement", list(2,
        obj(3, "Effect", text("Allow", 3), "Principal", text("*", 4), "Action", text("s3:GetObject", 5)),
        obj(6, "Effect", text("Allow", 6), "Principal", obj(7, "AWS", list(7, text("*", 7))), "Action", text("sqs:*", 8)),
        obj(9, "Effect", text("Allow", 9), "Principal", obj(10, "Service", text("ec2.amazonaws.com", 10)), "Action", text("sts:AssumeRole", 11))));
    PolicyDocument d = new PolicyReader(new ResourceModel(List.of())).read(doc, owner());
    assertTrue(d.statements().get(0).principals().get(0).isEveryone());
    assertTrue(d.statements().get(1).principals().get(0).isEveryone());
    assertFalse(d.statements().get(2).principals().get(0).isEveryone());
  }

  @Test
  void conditionalBranchesAreBothRead() {
    Value.Conditional c = new Value.Conditional("IsProd", text("s3:GetObject", 4), text("*", 4), at(4));
    Value.ObjectValue doc = obj(1, "Statement", obj(2, "Effect", text("Allow", 3), "Action", c, "Resource", text("*", 5)));
    PolicyStatement s = new PolicyReader(new ResourceModel(List.of())).read(doc, owner()).statements().get(0);
    assertTrue(s.actions().wildcardAll().isPresent());
  }

  @Test
  void unknownValuesAreNotGuessed() {
    Value.ObjectValue doc = obj(1, "Statement", obj(2, "Effect", text("Allow", 3),
        "Action", new Value.Unknown("var.actions", at(4)), "Resource", text("*", 5)));
    PolicyStatement s = new PolicyReader(new ResourceModel(List.of())).read(doc, owner()).statements().get(0);
    assertTrue(s.actions().hasUnknown());
    assertTrue(s.actions().known().isEmpty());
  }

  @Test
  void dataSourceWithSourceAndOverrideDocuments() {
    Resource base = data("base", obj(1,
        "statement", obj(2, "sid", text("Read", 3), "actions", list(4, text("s3:GetObject", 4)), "resources", list(5, text("*", 5))),
        "statement", obj(6, "sid", text("Write", 7), "actions", list(8, text("s3:PutObject", 8)), "resources", list(9, text("*", 9)))));
    Resource over = data("over", obj(10,
        "statement", obj(11, "sid", text("Write", 12), "effect", text("Deny", 13), "actions", list(14, text("s3:PutObject", 14)), "resources", list(15, text("*", 15)))));
    Resource doc = data("doc", obj(20,
        "source_policy_documents", list(21, new Value.Reference("data.aws_iam_policy_document.base", "json", "data.aws_iam_policy_document.base.json", at(21))),
        "override_policy_documents", list(22, new Value.Reference("data.aws_iam_policy_document.over", "json", "data.aws_iam_policy_document.over.json", at(22))),
        "statement", obj(23, "actions", list(24, text("iam:PassRole", 24)), "resources", list(25, text("*", 25)),
            "principals", obj(26, "type", text("AWS", 27), "identifiers", list(28, text("*", 28))),
            "condition", obj(29, "test", text("StringEquals", 30), "variable", text("aws:PrincipalOrgID", 31), "values", list(32, text("o-123", 32))))));
    ResourceModel model = new ResourceModel(List.of(base, over, doc));
    PolicyReader reader = new PolicyReader(model);
    PolicyDocument d = reader.read(new Value.Reference("data.aws_iam_policy_document.doc", "json", "x", at(40)), owner());
    assertEquals(3, d.statements().size());
    assertEquals(Effect.ALLOW, d.statements().get(0).effect(), "data source statements default to Allow");
    assertEquals(Effect.DENY, d.statements().get(1).effect(), "override replaces the statement with the same sid");
    PolicyStatement own = d.statements().get(2);
    assertEquals(23, own.range().startLine());
    assertTrue(own.principals().get(0).isEveryone());
    assertTrue(PublicAccess.limitedByCondition(own));
    assertTrue(PublicAccess.everyone(own).isEmpty());
  }

  @Test
  void negatedOrWildcardConditionsDoNotLimit() {
    Value.ObjectValue doc = obj(1, "Statement", list(2,
        obj(3, "Effect", text("Allow", 3), "Principal", text("*", 4), "Action", text("s3:GetObject", 5),
            "Condition", obj(6, "StringNotEquals", obj(7, "aws:SourceVpce", text("vpce-1", 7)))),
        obj(8, "Effect", text("Allow", 8), "Principal", text("*", 9), "Action", text("s3:GetObject", 10),
            "Condition", obj(11, "StringLike", obj(12, "aws:PrincipalOrgID", text("*", 12)))),
        obj(13, "Effect", text("Allow", 13), "Principal", text("*", 14), "Action", text("s3:GetObject", 15),
            "Condition", obj(16, "StringEqualsIfExists", obj(17, "aws:SourceAccount", text("123456789012", 17)))),
        obj(18, "Effect", text("Allow", 18), "Principal", text("*", 19), "Action", text("s3:GetObject", 20),
            "Condition", obj(21, "StringEquals", obj(22, "aws:SourceVpce", text("vpce-1", 22))))));
    PolicyDocument d = new PolicyReader(new ResourceModel(List.of())).read(doc, owner());
    assertTrue(PublicAccess.everyone(d.statements().get(0)).isPresent());
    assertTrue(PublicAccess.everyone(d.statements().get(1)).isPresent());
    assertTrue(PublicAccess.everyone(d.statements().get(2)).isPresent());
    assertTrue(PublicAccess.everyone(d.statements().get(3)).isEmpty());
  }

  @Test
  void actionPatterns() {
    assertTrue(ActionPattern.matchesAction("iam:Pass*", "iam:PassRole"));
    assertTrue(ActionPattern.matchesAction("IAM:*Policy*", "iam:putrolepolicy"));
    assertTrue(ActionPattern.matchesAction("*", "s3:GetObject"));
    assertTrue(ActionPattern.matchesAction("s3:Get?bject", "s3:GetObject"));
    assertFalse(ActionPattern.matchesAction("iam:Put*", "iam:PassRole"));
    assertTrue(ActionPattern.isEverything("*:*"));
    assertFalse(ActionPattern.isEverything("iam:*"));
  }

  @Test
  void templateWithComputedArnKeepsItsStructure() {
    String partial = "{\n\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\",\n \"Action\": \"s3:*\", \"Resource\": \"\uE000/*\"}]\n}";
    Value.Unknown u = new Value.Unknown("<<EOF ... EOF", at(9),
        new Value.Text(partial, new SourceRange("main.tf", 10, 1, 13, 1), true));
    PolicyDocument d = new PolicyReader(new ResourceModel(List.of())).read(u, owner());
    PolicyStatement s = d.statements().get(0);
    assertEquals(List.of("s3:*"), s.actions().lowerCaseValues());
    assertEquals(12, s.actions().known().get(0).range().startLine());
    assertTrue(s.resources().hasUnknown());
    assertTrue(s.resources().known().isEmpty());
    assertTrue(PublicAccess.everyone(s).isPresent());
  }

  @Test
  void resourcesNamedByReferenceKeepWhichResourceTheyName() {
    Value.ObjectValue empty = Value.ObjectValue.empty(at(1));
    Resource role = new Resource(Format.TERRAFORM, "resource", "aws_iam_role", "deployer", ".", empty, empty, at(2), List.of());
    Resource policy = owner();
    ResourceModel model = new ResourceModel(List.of(role, policy));
    Value doc = obj(5, "Statement", list(5, obj(6,
        "Effect", text("Allow", 6),
        "Action", text("iam:PassRole", 6),
        "Resource", list(7,
            new Value.Reference("aws_iam_role.deployer", "arn", "aws_iam_role.deployer.arn", at(7)),
            new Value.Reference("aws_iam_role.missing", "arn", "aws_iam_role.missing.arn", at(8)),
            text("arn:aws:iam::123456789012:role/other", 9)))));
    PolicyStatement s = new PolicyReader(model).read(doc, policy).statements().get(0);
    StringSet r = s.resources();
    assertEquals(1, r.named().size());
    assertTrue(r.named().get(0).resource() == role);
    assertEquals("arn", r.named().get(0).attribute());
    assertTrue(r.opaque(), "a reference is still unknown text");
    assertTrue(r.opaqueBeyondNamed(), "the unresolved reference is not one of the named resources");
    assertEquals(List.of("arn:aws:iam::123456789012:role/other"), r.known().stream().map(LocatedString::value).toList());
  }
}
