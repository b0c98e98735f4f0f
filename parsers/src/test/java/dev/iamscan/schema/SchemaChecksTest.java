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
  void explore() {
    String doc = """
        {
          "Version": "2012-10-18",
          "Statment": [],
          "Statement": [
            { "Sid": "bad-sid", "Effect": "allow", "Action": "s3:GetObject", "NotAction": "s3:PutObject",
              "Resource": "*" },
            { "Effect": "Allow", "Action": ["s3:GetObject", 3, {}], "Principal": "*",
              "Condition": { "StringEqual": { "aws:SourceAccount": "1" }, "Bool": "x" } },
            { "Effect": "Allow" }
          ]
        }
        """;
    System.err.println(describe(identity(doc)));
  }
}
