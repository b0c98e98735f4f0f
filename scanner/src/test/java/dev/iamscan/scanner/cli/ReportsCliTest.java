package dev.iamscan.scanner.cli;

import static dev.iamscan.scanner.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamscan.rules.RuleCatalog;
import dev.iamscan.scanner.Scanner;
import dev.iamscan.scanner.ToolInfo;
import dev.iamscan.scanner.sarif.SarifReporter;
import dev.iamscan.scanner.sarif.SarifValidation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several reports from one scan, and SARIF identities that survive edits, through the command line. */
class ReportsCliTest {
  @TempDir Path cwd;
  Map<String, String> env = Map.of();
  String out;
  String err;

  int run(String... args) {
    CliEnvironment environment = new CliEnvironment(cwd, env, false,
        new ToolInfo("iamscan", "9.9.9", "https://example.com"),
        List.of(RuleCatalog.byId("IAM001").orElseThrow(), RuleCatalog.byId("IAM003").orElseThrow()),
        Scanner::withDefaults);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = IamscanCommand.create(environment, new PrintWriter(o), new PrintWriter(e)).execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  static final String ADMIN = """
      resource "aws_iam_policy" "admin" {
        policy = jsonencode({
          Version   = "2012-10-17"
          Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
        })
      }
      """;

  @Test
  void oneScanWritesTextSarifAndMarkdown() throws IOException {
    write(cwd.resolve("main.tf"), ADMIN);
    Files.createDirectories(cwd.resolve("reports"));
    env = Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "o/r", "GITHUB_SHA", "c0ffee",
        "GITHUB_WORKSPACE", cwd.toString());
    assertEquals(1, run("scan", "--category", "infra", "--report", "sarif=reports/iamscan.sarif",
        "--report", "markdown=reports/summary.md", "--report", "JSON=reports/r.json"));
    assertTrue(out.contains("main.tf:4:"), out);
    assertTrue(out.contains("1 finding (1 critical, 0 high, 0 medium, 0 low); 1 file scanned"), out);
    JsonNode sarif = new ObjectMapper().readTree(cwd.resolve("reports/iamscan.sarif").toFile());
    assertEquals(List.of(), SarifValidation.errors(sarif));
    assertEquals("infra/", sarif.at("/runs/0/automationDetails/id").asText());
    assertEquals("IAM001", sarif.at("/runs/0/results/0/ruleId").asText());
    String md = Files.readString(cwd.resolve("reports/summary.md"), StandardCharsets.UTF_8);
    assertTrue(md.contains("[`main.tf:4`](https://github.com/o/r/blob/c0ffee/main.tf#L4)"), md);
    assertEquals(1, new ObjectMapper().readTree(cwd.resolve("reports/r.json").toFile()).at("/summary/findings").asInt());
  }

  @Test
  void theMainReportCanBeAFileToo() throws IOException {
    write(cwd.resolve("main.tf"), ADMIN);
    assertEquals(1, run("scan", "--format", "sarif", "--output", "a.sarif", "--report", "text=a.txt"));
    assertEquals("", out);
    assertTrue(Files.readString(cwd.resolve("a.txt")).contains("IAM001"));
    assertTrue(Files.readString(cwd.resolve("a.sarif")).contains("\"IAM001\""));
  }

  @Test
  void badReportOptionsAreUsageErrorsBeforeScanning() {
    assertEquals(2, run("scan", "--report", "sarif"));
    assertTrue(err.contains("--report: expected FORMAT=FILE, got 'sarif'"), err);
    assertEquals(2, run("scan", "--report", "pdf=x.pdf"));
    assertTrue(err.contains("--report: unknown format 'pdf' (one of: sarif, text, json, github, junit, markdown)"), err);
    assertEquals(2, run("scan", "--report", "sarif=missing/x.sarif"));
    assertTrue(err.contains("--report: directory does not exist"), err);
    assertEquals(2, run("scan", "--output", "x.sarif", "--report", "sarif=x.sarif"));
    assertTrue(err.contains("is written twice"), err);
    assertFalse(Files.exists(cwd.resolve("x.sarif")));
  }

  @Test
  void fingerprintsStayWhenLinesAreInsertedAbove() throws IOException {
    write(cwd.resolve("main.tf"), ADMIN);
    JsonNode before = sarifResults();
    write(cwd.resolve("main.tf"), "# a comment\n\nlocals {\n  x = 1\n}\n\n" + ADMIN);
    JsonNode after = sarifResults();
    assertEquals(4, before.at("/0/locations/0/physicalLocation/region/startLine").asInt());
    assertEquals(10, after.at("/0/locations/0/physicalLocation/region/startLine").asInt());
    assertEquals(fingerprint(before, 0), fingerprint(after, 0));
  }

  @Test
  void twoModuleInstancesThatDifferStayTwoAlerts() throws IOException {
    write(cwd.resolve("modules/policy/main.tf"), """
        variable "actions" { type = list(string) }
        resource "aws_iam_policy" "this" {
          policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = var.actions, Resource = "*" }]
          })
        }
        """);
    write(cwd.resolve("main.tf"), """
        module "storage" {
          source  = "./modules/policy"
          actions = ["s3:*"]
        }
        module "compute" {
          source  = "./modules/policy"
          actions = ["ec2:*"]
        }
        """);
    JsonNode results = sarifResults();
    assertEquals(2, results.size(), results.toString());
    assertEquals("IAM003", results.at("/0/ruleId").asText());
    assertEquals(results.at("/0/locations").toString(), results.at("/1/locations").toString());
    assertFalse(fingerprint(results, 0).equals(fingerprint(results, 1)), results.toString());
  }

  private JsonNode sarifResults() throws IOException {
    run("scan", "--format", "sarif");
    return new ObjectMapper().readTree(out).at("/runs/0/results");
  }

  private static String fingerprint(JsonNode results, int i) {
    return results.get(i).at("/partialFingerprints").get(SarifReporter.FINGERPRINT).asText();
  }
}
