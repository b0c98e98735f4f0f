package dev.iamscan.scanner.cli;

import static dev.iamscan.scanner.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamscan.scanner.Fixtures;
import dev.iamscan.scanner.Scanner;
import dev.iamscan.scanner.ToolInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {
  @TempDir Path cwd;
  final Map<String, String> env = new HashMap<>();
  boolean terminal;
  String out;
  String err;

  int run(String... args) {
    CliEnvironment environment = new CliEnvironment(cwd, env, terminal,
        new ToolInfo("iamscan", "9.9.9", "https://example.com"), Fixtures.testRules(),
        (rules, limits, warnings) -> new Scanner(Fixtures.fakeTerraform(), Fixtures.fakeCloudFormation(), rules, 2,
            warnings));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = IamscanCommand.create(environment, new PrintWriter(o), new PrintWriter(e)).execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  void critical() {
    write(cwd.resolve("iam/main.tf"), "resource \"aws_iam_policy\" \"crit_admin\"\n");
  }

  void medium() {
    write(cwd.resolve("s3/main.tf"), "resource \"aws_s3_bucket\" \"med_site\"\n");
  }

  @Test
  void cleanTreeExitsZero() {
    write(cwd.resolve("ok/main.tf"), "resource \"aws_iam_role\" \"fine\"\n");
    assertEquals(0, run("scan"));
    assertTrue(out.contains("0 findings (0 critical, 0 high, 0 medium, 0 low); 1 file scanned, 0 not scanned"), out);
  }

  @Test
  void findingsExitOneAndDefaultToTheWorkingDirectory() {
    critical();
    assertEquals(1, run("scan"));
    assertTrue(out.startsWith("iam/main.tf:1:1  CRITICAL  IAM901  aws_iam_policy.crit_admin is named crit_admin\n"
        + "    fix: Rename the resource so it no longer starts with bad.\n"), out);
  }

  @ParameterizedTest
  @CsvSource({"critical,0", "high,0", "medium,1", "low,1", "none,0", "MEDIUM,1"})
  void failOnSetsTheThreshold(String threshold, int expected) {
    medium();
    assertEquals(expected, run("scan", "--fail-on", threshold));
  }

  @Test
  void unreadableInputExitsThree() {
    write(cwd.resolve("broken/main.tf"), "ERROR here\n");
    assertEquals(3, run("scan"));
    assertTrue(out.contains("broken/main.tf:1:1  error  cannot parse: ERROR here"), out);
  }

  @Test
  void findingsAboveTheThresholdWinOverInputErrors() {
    critical();
    write(cwd.resolve("broken/main.tf"), "ERROR here\n");
    assertEquals(1, run("scan"));
    assertEquals(3, run("scan", "--fail-on", "none"));
  }

  @Test
  void badOptionValueIsAUsageError() {
    assertEquals(2, run("scan", "--fail-on", "severe"));
    assertTrue(err.contains("Invalid value for option '--fail-on'"), err);
    assertEquals(2, run("scan", "--format", "xml"));
    assertEquals(2, run("scan", "--bogus"));
    assertEquals("", out);
  }

  @Test
  void missingPathIsAUsageError() {
    assertEquals(2, run("scan", "does-not-exist"));
    assertTrue(err.contains("no such file or directory: " + cwd.resolve("does-not-exist")), err);
  }

  @Test
  void missingVarFileAndUnknownCategoryAreUsageErrors() {
    assertEquals(2, run("scan", "--var-file", "nope.tfvars"));
    assertTrue(err.contains("--var-file: no such file"), err);
    assertEquals(2, run("scan", "--categories", "not-a-category"));
    assertTrue(err.contains("unknown category 'not-a-category'"), err);
  }

  @Test
  void categoryLimitsTheRules() {
    critical();
    medium();
    assertEquals(1, run("scan", "--categories", "public-bucket", "--format", "json"));
    assertTrue(out.contains("IAM902") && !out.contains("IAM901"), out);
  }

  @Test
  void sarifOnStdoutIsTheReportAlone() throws IOException {
    critical();
    write(cwd.resolve("broken/main.tf"), "ERROR here\n");
    assertEquals(1, run("scan", "--format", "sarif"));
    JsonNode doc = new ObjectMapper().readTree(out);
    assertEquals("2.1.0", doc.get("version").asText());
    assertTrue(out.startsWith("{") && out.endsWith("}\n"));
    assertTrue(err.contains("1 finding (1 critical"), err);
    assertTrue(err.contains("broken/main.tf:1:1: error"), err);
  }

  @Test
  void outputWritesAFileAndLeavesStdoutEmpty() throws IOException {
    critical();
    // the directory must exist: a typo in --output is a configuration error, not a silent mkdir
    assertEquals(2, run("scan", "--format", "sarif", "--output", "out/report.sarif"));
    Files.createDirectories(cwd.resolve("out"));
    assertEquals(1, run("scan", "--format", "sarif", "--output", "out/report.sarif"));
    assertEquals("", out);
    JsonNode doc = new ObjectMapper().readTree(cwd.resolve("out/report.sarif").toFile());
    assertEquals("IAM901", doc.at("/runs/0/results/0/ruleId").asText());
  }

  @Test
  void twoScansGiveIdenticalBytes() {
    critical();
    medium();
    write(cwd.resolve("stack.yaml"), "AWSTemplateFormatVersion\n  critRole: AWS::IAM::Role\n");
    run("scan", "--format", "sarif");
    String first = out;
    run("scan", "--format", "sarif");
    assertEquals(first, out);
    run("scan", "--format", "json");
    String json = out;
    run("scan", "--format", "json");
    assertEquals(json, out);
  }

  @Test
  void jsonReportHasFindingsDiagnosticsAndSummary() throws IOException {
    medium();
    write(cwd.resolve("broken/main.tf"), "ERROR here\n");
    assertEquals(1, run("scan", "--format", "json"));
    JsonNode doc = new ObjectMapper().readTree(out);
    JsonNode f = doc.at("/findings/0");
    assertEquals("IAM902", f.get("rule").asText());
    assertEquals("public-bucket", f.get("category").asText());
    assertEquals("medium", f.get("severity").asText());
    assertEquals("s3/main.tf", f.get("file").asText());
    assertEquals(1, f.get("startLine").asInt());
    assertEquals("aws_s3_bucket.med_site", f.get("resource").asText());
    assertEquals("error", doc.at("/diagnostics/0/level").asText());
    assertEquals(1, doc.at("/summary/bySeverity/medium").asInt());
    assertEquals(1, doc.at("/summary/filesScanned").asInt());
    assertEquals(1, doc.at("/summary/filesNotScanned").asInt());
  }

  @Test
  void colourOnlyOnATerminalWithoutNoColor() {
    critical();
    run("scan");
    assertFalse(out.contains("\u001b["), out);
    terminal = true;
    run("scan");
    assertTrue(out.contains("\u001b[1;31mCRITICAL"), out);
    env.put("NO_COLOR", "1");
    run("scan");
    assertFalse(out.contains("\u001b["), out);
  }

  @Test
  void rulesListsIdCategorySeveritySummary() {
    assertEquals(0, run("rules"));
    assertTrue(out.contains("IAM901  overbroad-grant critical  Test rule IAM901 flags resources named bad"), out);
    assertTrue(out.contains("IAM902  public-bucket   medium    "), out);
  }

  @Test
  void versionPrintsNameAndVersion() {
    assertEquals(0, run("version"));
    assertEquals("iamscan 9.9.9\n", out.replace("\r\n", "\n"));
  }

  @Test
  void noCommandIsAUsageError() {
    assertEquals(2, run());
    assertTrue(err.contains("a command is required: scan, rules, graph, config, version or help"), err);
  }
}
