package dev.iamscan.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.json.JsonValueReader;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchemaChecksTest {
  private static final SourceRange AT = SourceRange.at("p.json", 1, 1);

  private static List<SchemaProblem> identity(String json) {
    JsonValueReader.Result r = JsonValueReader.readFile(json, "p.json");
    assertTrue(r.ok(), String.valueOf(r.error()));
    return SchemaChecks.policy(r.value(), SchemaChecks.PolicyKind.IDENTITY, AT);
  }

  private static String describe(List<SchemaProblem> ps) {
    return ps.stream().map(p -> p.range().startLine() + " " + p.kind() + " " + p.message()).collect(Collectors.joining("\n"));
  }

  @Test
  void eachProblemIsReportedAtItsKeyWithTheClosestName() {
    String doc = """
        {
          "Version": "2012-10-18",
          "Statment": [],
          "Statement": [
            { "Sid": "bad-sid", "Effect": "allow", "Action": "s3:GetObject", "NotAction": "s3:PutObject",
              "Resource": "*" },
            { "Effect": "Allow", "Action": ["s3:GetObject", 3], "Principal": "*",
              "Condition": { "StringEqual": { "aws:SourceAccount": "1" } } },
            { "Effect": "Allow" }
          ]
        }
        """;
    String got = describe(identity(doc));
    assertTrue(got.contains("2 INVALID_VALUE 'Version' is '2012-10-18'"), got);
    assertTrue(got.contains("3 UNKNOWN_MEMBER unknown policy element 'Statment'; did you mean 'Statement'?"), got);
    assertTrue(got.contains("5 INVALID_VALUE 'Statement[0].Sid'"), got);
    assertTrue(got.contains("5 CONFLICTING_MEMBERS 'Statement[0]' has both Action and NotAction"), got);
    assertTrue(got.contains("7 WRONG_TYPE 'Statement[1].Action[1]' must be a string, not a number"), got);
    assertTrue(got.contains("7 FORBIDDEN_MEMBER 'Statement[1].Principal'"), got);
    assertTrue(got.contains("8 UNKNOWN_MEMBER unknown condition operator 'Statement[1].Condition.StringEqual'; did you mean 'StringEquals'?"), got);
    assertTrue(got.contains("9 MISSING_MEMBER missing required policy element 'Action' (or NotAction) in 'Statement[2]'"), got);
    // Effect belongs to IAM063.
    assertTrue(!got.contains("Effect"), got);
  }

  @Test
  void unknownValuesAreNeverReported() {
    SourceRange r = SourceRange.at("p.tf", 3, 1);
    Value unknown = new Value.Unknown("var.x", r);
    Value doc = new Value.ObjectValue(List.of(
        new Value.Field("Version", r, unknown),
        new Value.Field("Statement", r, new Value.ListValue(List.of(
            new Value.ObjectValue(List.of(
                new Value.Field("Effect", r, new Value.Text("Allow", r)),
                new Value.Field("Action", r, new Value.Reference("aws_x.y", "arn", "aws_x.y.arn", r)),
                new Value.Field("Resource", r, unknown),
                new Value.Field("Condition", r, unknown)), r)), r))), r);
    assertEquals(List.of(), SchemaChecks.policy(doc, SchemaChecks.PolicyKind.IDENTITY, AT));
  }

  @Test
  void closestNameNeedsAPlausibleTypo() {
    assertEquals("ManagedPolicyArns", ClosestName.of("ManagedPoliciesArns", List.of("ManagedPolicyArns", "Path")).orElseThrow());
    assertTrue(ClosestName.of("Xf", List.of("AssumeRolePolicyDocument")).isEmpty());
  }
}
