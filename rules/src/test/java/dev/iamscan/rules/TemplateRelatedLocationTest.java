package dev.iamscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A finding inside a policy rendered from a template file points at the line in the template, with
 * the attribute that reads it ({@code templatefile()}, a {@code template_file} data source) as a
 * related location: for identity, trust and resource policies alike.
 */
class TemplateRelatedLocationTest {

  /** "RULE file:line <- resource: related file:line" for every finding in a template file; others get no such location. */
  private static Map<String, String> templated(String fixtureDir) throws IOException {
    RuleFixtureTest.Scanned scanned = RuleFixtureTest.scan(RuleFixtureTest.ROOT.resolve(fixtureDir));
    Map<String, String> out = new TreeMap<>();
    scanned.findingsByFile().forEach((file, findings) -> {
      for (Finding f : findings) {
        List<Finding.Related> reads = f.related().stream()
            .filter(r -> r.message().startsWith("policy read from ")).toList();
        String key = f.ruleId() + " " + file + ":" + f.location().startLine() + " " + f.resource();
        if (!file.endsWith(".tpl.json")) {
          assertEquals(List.of(), reads, key + " is not in a template");
          continue;
        }
        assertEquals(1, reads.size(), key + " names where its template is read");
        Finding.Related r = reads.get(0);
        assertEquals("policy read from " + file + " here", r.message());
        out.put(key, r.location().file() + ":" + r.location().startLine());
      }
    });
    return out;
  }

  @Test
  void trustPolicyFromATemplate() throws IOException {
    assertEquals(Map.of(
            "IAM032 trust.tpl.json:6 aws_iam_role.from_template", "templated-trust.tf:6",
            "IAM032 trust.tpl.json:6 aws_iam_role.from_template_file", "templated-trust.tf:18"),
        templated("IAM032-trust-policy-allows-anyone"));
  }

  @Test
  void resourcePolicyFromATemplate() throws IOException {
    assertEquals(Map.of("IAM020 bucket-policy.tpl.json:7 aws_s3_bucket_policy.assets", "templated-policy.tf:10"),
        templated("IAM020-public-bucket-policy"));
  }

  @Test
  void identityPolicyFromATemplate() throws IOException {
    assertEquals(Map.of(
            "IAM003 legacy-policy.tpl.json:11 aws_iam_policy.from_template_file", "policy-text-with-holes.tf:121",
            "IAM003 policy.tpl.json:13 aws_iam_policy.from_template", "policy-text-with-holes.tf:105"),
        templated("IAM003-service-wildcard-action"));
  }

  @Test
  void grammarFindingInATemplate() throws IOException {
    assertEquals(Map.of("IAM063 trust-effect.tpl.json:5 aws_iam_role.from_template", "templated.tf:6"),
        templated("IAM063-invalid-statement-effect"));
  }
}
