package dev.iamscan.scanner.cli;

import static dev.iamscan.scanner.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleCatalog;
import dev.iamscan.scanner.Scanner;
import dev.iamscan.scanner.ToolInfo;
import dev.iamscan.scanner.sarif.SarifValidation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code-review features end to end: real parsers, real rules, through the command line. */
class WorkflowCliTest {
  @TempDir Path cwd;
  Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
  String out;
  String err;

  /** IAM001 alone: other rules also flag an admin statement, and their number grows. */
  static final List<Rule> RULES = List.of(RuleCatalog.byId("IAM001").orElseThrow());
  List<Rule> rules = RULES;

  static final String ADMIN = """
        policy = jsonencode({
          Version   = "2012-10-17"
          Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
        })
      """;

  int run(String... args) {
    CliEnvironment environment = new CliEnvironment(cwd, Map.of(), false,
        new ToolInfo("iamscan", "9.9.9", "https://example.com"), rules, Scanner::withDefaults, clock);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = IamscanCommand.create(environment, new PrintWriter(o), new PrintWriter(e)).execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  static String policy(String name, String before, String inside) {
    return before + "resource \"aws_iam_policy\" \"" + name + "\" {\n" + inside + ADMIN + "}\n\n";
  }

  JsonNode json() throws IOException {
    return new ObjectMapper().readTree(out);
  }

  @Test
  void terraformCommentsSuppressBlocksAndAttributes() throws IOException {
    write(cwd.resolve("main.tf"),
        policy("block", "# iamscan:ignore IAM001 -- break-glass, SEC-1\n", "")
        + policy("attribute", "", "  # iamscan:ignore IAM001 -- attribute\n")
        + policy("open", "", "  name = \"x\" // iamscan:ignore IAM001 -- only the name attribute\n")
        + policy("bare", "", "  # iamscan:ignore IAM001\n")
        + policy("expired", "# iamscan:ignore IAM020,IAM001 until=2025-05-31 -- temporary\n", "")
        + policy("current", "# iamscan:ignore IAM001 until=2025-06-01 -- last day\n", "")
        + "resource \"aws_iam_role\" \"fine\" {\n  # iamscan:ignore IAM999 -- nothing\n  name = <<EOT\n"
        + "# iamscan:ignore IAM001 -- inside a heredoc, not a comment\nEOT\n}\n");
    assertEquals(1, run("scan", "--format", "json"));
    JsonNode doc = json();
    assertEquals(3, doc.at("/summary/findings").asInt(), out);
    String reported = doc.get("findings").findValuesAsText("resource").toString();
    assertEquals("[aws_iam_policy.open, aws_iam_policy.bare, aws_iam_policy.expired]", reported);
    assertEquals(3, doc.at("/summary/suppressed").asInt());
    assertEquals("break-glass, SEC-1", doc.at("/suppressed/0/justification").asText());
    assertTrue(err.contains("main.tf:18:1: warning: suppression of IAM001 suppresses nothing"), err);
    assertTrue(err.contains("gives no reason"), err);
    assertTrue(err.contains("expired on 2025-05-31"), err);
    assertTrue(err.contains("unknown rule IAM999"), err);
    assertFalse(err.contains("inside a heredoc"), err);
    assertEquals(5, countLines(err, ": warning: "), err);

    assertEquals(2, run("scan", "--strict-suppressions", "--fail-on", "none"));
    assertTrue(out.contains("  error  suppression"), out);

    run("scan");
    assertTrue(out.contains("; 3 suppressed"), out);
  }

  private static int countLines(String s, String part) {
    return (int) s.lines().filter(l -> l.contains(part)).count();
  }

  @Test
  void cloudFormationMetadataSuppressesResourcesAndTemplates() throws IOException {
    String statement = """
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: "*"
                Resource: "*"
        """;
    write(cwd.resolve("a.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Accepted:
            Type: AWS::IAM::ManagedPolicy
            Metadata:
              iamscan:
                ignore:
                  - id: IAM001
                    reason: break-glass
            Properties:
        """ + statement.indent(4) + """
          Reported:
            Type: AWS::IAM::ManagedPolicy
            Properties:
        """ + statement.indent(4));
    write(cwd.resolve("b.json"), """
        {"AWSTemplateFormatVersion": "2010-09-09",
         "Metadata": {"iamscan": {"ignore": [{"id": "IAM001", "reason": "sandbox account"}]}},
         "Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument":
           {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}}}}
        """);
    assertEquals(1, run("scan", "--format", "json"));
    JsonNode doc = json();
    assertEquals("[Reported]", doc.get("findings").findValuesAsText("resource").toString(), out);
    assertEquals(2, doc.at("/summary/suppressed").asInt());

    // Left out of SARIF by default (GitHub ignores suppressions); written with them on request.
    run("scan", "--format", "sarif");
    assertEquals(1, json().at("/runs/0/results").size(), out + err);
    run("scan", "--format", "sarif", "--include-suppressed", "--category", "iac/iam");
    JsonNode sarif = json();
    assertEquals(3, sarif.at("/runs/0/results").size());
    assertEquals("iac/iam/", sarif.at("/runs/0/automationDetails/id").asText());
    assertEquals("inSource", sarif.at("/runs/0/results/0/suppressions/0/kind").asText());
    assertEquals("break-glass", sarif.at("/runs/0/results/0/suppressions/0/justification").asText());
    assertEquals(java.util.List.of(), SarifValidation.errors(sarif));
  }

  @Test
  void baselineReportsOnlyNewFindingsAndIgnoresLineMoves() throws IOException {
    write(cwd.resolve("main.tf"), policy("old", "", ""));
    assertEquals(0, run("scan", "--write-baseline", "baseline.json"));
    String baseline = Files.readString(cwd.resolve("baseline.json"));
    assertTrue(baseline.contains("\"version\" : 1") && baseline.contains("aws_iam_policy.old"), baseline);
    assertFalse(baseline.contains("line"), baseline);

    // Lines added above move the old finding; a new one appears.
    write(cwd.resolve("main.tf"), "# a comment\n\n" + policy("old", "", "") + policy("new", "", ""));
    assertEquals(1, run("scan", "--baseline", "baseline.json", "--format", "sarif"));
    JsonNode sarif = json();
    assertEquals(1, sarif.at("/runs/0/results").size());
    assertTrue(sarif.at("/runs/0/results/0/message/text").asText().contains("aws_iam_policy.new"));
    assertEquals(java.util.List.of(), SarifValidation.errors(sarif));

    write(cwd.resolve("main.tf"), policy("new", "", ""));
    run("scan", "--baseline", "baseline.json");
    assertTrue(out.contains("; 0 in baseline, 1 fixed since baseline"), out);
  }

  @Test
  void thresholdsAndSelectionApplyToEveryFormatAndTheExitCode() throws IOException {
    rules = List.of(RuleCatalog.byId("IAM001").orElseThrow(), RuleCatalog.byId("IAM020").orElseThrow());
    write(cwd.resolve("main.tf"), policy("admin", "", ""));
    assertEquals(0, run("scan", "--skip-rules", "IAM001", "--format", "sarif"), out + err);
    assertEquals(0, json().at("/runs/0/results").size());
    assertEquals(1, run("scan", "--rules", "IAM001", "--format", "github"));
    assertTrue(out.startsWith("::error file=main.tf,line="), out);
    assertTrue(out.contains("title=IAM001 "), out);
    assertEquals(0, run("scan", "--categories", "public-bucket", "--format", "json"));
    assertEquals(0, json().at("/summary/findings").asInt());
    assertEquals(0, run("scan", "--fail-on", "none"));
    assertEquals(2, run("scan", "--rules", "IAM777"));
    assertTrue(err.contains("unknown rule 'IAM777'"), err);
  }

  @Test
  void configurationFileSetsOptionsAndTheCommandLineWins() throws IOException {
    write(cwd.resolve("legacy/main.tf"), policy("legacy", "", ""));
    write(cwd.resolve("examples/main.tf"), policy("example", "", ""));
    write(cwd.resolve("app/main.tf"), policy("app", "", ""));
    write(cwd.resolve(".iamscan.yml"), """
        version: 1
        fail-on: none
        exclude: [examples/]
        exceptions:
          - rule: IAM001
            path: legacy/**
            reason: legacy account
            until: 2026-01-01
        """);
    assertEquals(0, run("scan", "--format", "json"));
    JsonNode doc = json();
    assertEquals("[aws_iam_policy.app]", doc.get("findings").findValuesAsText("resource").toString(), out);
    assertEquals("external", doc.at("/suppressed/0/kind").asText());
    assertEquals(1, run("scan", "--fail-on", "critical"));

    write(cwd.resolve(".iamscan.yml"), "version: 1\nfail-on: hgh\nexceptions:\n  - rule: IAM001\n    reason: x\n");
    assertEquals(2, run("scan"));
    assertTrue(err.contains(".iamscan.yml:2: "), err);
    assertTrue(err.contains(".iamscan.yml:4: required property"), err);
    assertEquals(2, run("config", "validate"));
    assertEquals(0, run("config", "validate", "missing.yml") == 2 ? 0 : 1);
    write(cwd.resolve("other.yml"), "version: 1\nmin-severity: high\n");
    assertEquals(0, run("config", "validate", "other.yml"));
    assertTrue(out.contains("other.yml: valid"), out);
  }

  @Test
  void rulesListAndExplain() {
    assertEquals(0, run("rules"));
    assertTrue(out.startsWith("ID "), out);
    assertTrue(out.contains("IAM001  overbroad-grant"), out);
    assertEquals(0, run("rules", "explain", "IAM001"));
    assertTrue(out.startsWith("# IAM001: "), out);
    assertTrue(out.contains("## Noncompliant example") && out.contains("## Compliant example"), out);
    assertEquals(2, run("rules", "explain", "IAM999"));
  }

  @Test
  void passwordPolicyThresholdsComeFromTheConfiguration() throws IOException {
    rules = List.of(RuleCatalog.byId("IAM050").orElseThrow(), RuleCatalog.byId("IAM052").orElseThrow());
    write(cwd.resolve("main.tf"), """
        resource "aws_iam_account_password_policy" "strict" {
          minimum_password_length        = 14
          require_uppercase_characters   = true
          require_lowercase_characters   = true
          require_numbers                = true
          require_symbols                = true
          password_reuse_prevention      = 5
          max_password_age               = 90
          allow_users_to_change_password = true
        }
        resource "aws_iam_user_login_profile" "alice" {
          user            = "alice"
          password_length = 12
        }
        """);
    assertEquals(1, run("scan", "--format", "json"));
    JsonNode doc = json();
    assertEquals("[IAM050, IAM052]", doc.get("findings").findValuesAsText("rule").toString(), out);
    assertTrue(doc.toString().contains("remembers only 5 previous passwords (at least 24 expected)"), out);

    write(cwd.resolve(".iamscan.yml"), """
        version: 1
        password-policy:
          reuse-prevention: 5
          minimum-length: 12
        """);
    assertEquals(0, run("scan", "--format", "json"));
    assertEquals(0, json().at("/summary/findings").asInt(), out);

    // Stricter than the file: the age the file leaves at its default of 90 still applies.
    write(cwd.resolve(".iamscan.yml"), "version: 1\npassword-policy: {max-age-days: 60, reuse-prevention: 5}\n");
    assertEquals(1, run("scan", "--format", "json"));
    assertTrue(out.contains("lets passwords live 90 days (at most 60 days expected)"), out);
    assertTrue(out.contains("generates passwords of 12 characters (at least 14 expected)"), out);

    write(cwd.resolve(".iamscan.yml"), """
        version: 1
        password-policy:
          reuse-prevention: 30
          minimum-length: fourteen
          max-age: 90
        """);
    assertEquals(2, run("scan"));
    assertTrue(err.contains(".iamscan.yml:3: "), err);
    assertTrue(err.contains(".iamscan.yml:4: "), err);
    assertTrue(err.contains(".iamscan.yml:5: "), err);
    assertEquals(2, run("config", "validate"));
  }

  @Test
  void parserLimitsComeFromTheConfiguration() throws IOException {
    // An admin policy padded past 1 KiB: scanned under the default bounds, refused under a lower one.
    write(cwd.resolve("template.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Description: %s
        Resources:
          Admin:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: "*"
                    Resource: "*"
        """.formatted("x".repeat(1500)));
    assertEquals(1, run("scan", "--format", "json"));
    assertEquals("[IAM001]", json().get("findings").findValuesAsText("rule").toString(), out);

    write(cwd.resolve(".iamscan.yml"), "version: 1\nlimits:\n  max-file-bytes: 1024\n");
    assertEquals(3, run("scan", "--format", "json"));
    JsonNode doc = json();
    assertEquals(0, doc.at("/summary/findings").asInt(), out);
    JsonNode d = doc.at("/diagnostics/0");
    assertEquals("error", d.get("level").asText(), out);
    assertEquals("template.yaml", d.get("file").asText(), out);
    assertEquals(1, d.get("line").asInt(), out);
    assertTrue(d.get("message").asText().contains("above the limit of 1024 bytes"), out);

    // So does the plan reader: a plan above the bound is an error, not a clean file.
    Files.delete(cwd.resolve("template.yaml"));
    write(cwd.resolve("plan.json"), "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {}},"
        + " \"padding\": \"" + "z".repeat(1500) + "\"}\n");
    assertEquals(3, run("scan", "--format", "json"));
    d = json().at("/diagnostics/0");
    assertEquals("plan.json", d.get("file").asText(), out);
    assertTrue(d.get("message").asText().contains("above the limit of 1024 bytes"), out);

    // The Terraform parser gets the same limits: a string past the bound is an error at its line.
    Files.delete(cwd.resolve("plan.json"));
    write(cwd.resolve("main.tf"), "resource \"aws_iam_role\" \"r\" {\n  name = \"r\"\n  description = \""
        + "y".repeat(2000) + "\"\n}\n");
    write(cwd.resolve(".iamscan.yml"), "version: 1\nlimits: {max-string-length: 1024, time-budget-seconds: 5}\n");
    assertEquals(3, run("scan", "--format", "json"));
    d = json().at("/diagnostics/0");
    assertEquals("main.tf", d.get("file").asText(), out);
    assertEquals(3, d.get("line").asInt(), out);
    assertTrue(d.get("message").asText().contains("1024 characters"), out);

    // No bound can be turned off or set outside its range; each problem names its line.
    write(cwd.resolve(".iamscan.yml"), """
        version: 1
        limits:
          max-file-bytes: 0
          max-nesting-depth: 100000
          time-budget-seconds: 2.5
          max-evaluation-steps: 5000
          max-yaml-alias: 3
        """);
    assertEquals(2, run("scan"));
    for (int line = 3; line <= 7; line++) assertTrue(err.contains(".iamscan.yml:" + line + ": "), err);
    assertFalse(err.contains("Exception"), err);
    assertEquals(2, run("config", "validate"));
  }
}
