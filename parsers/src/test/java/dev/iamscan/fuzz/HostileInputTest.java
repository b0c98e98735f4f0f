package dev.iamscan.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamscan.cloudformation.CloudFormationParser;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.ParserLimits;
import dev.iamscan.model.Resource;
import dev.iamscan.model.Value;
import dev.iamscan.terraform.TerraformModuleParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files, generated here rather than committed: each gives a diagnostic naming the file and
 * line, or a correct parse; never an exception, never a hang.
 */
class HostileInputTest {
  /** Far above what any of these inputs needs; a hang fails instead of blocking the build. */
  private static final Duration HANG = Duration.ofSeconds(20);

  @TempDir Path root;

  private ParseResult terraform(String name, byte[] content) throws IOException {
    Path dir = Files.createDirectories(root.resolve("m"));
    Files.write(dir.resolve(name), content);
    ParseResult r = within(() -> new TerraformModuleParser().parse(dir, root, List.of()));
    String text = new String(content, StandardCharsets.UTF_8);
    ParseInvariants.assertLinesInside(r, "m/" + name, ParseInvariants.lineCount(text));
    return r;
  }

  private Optional<ParseResult> cloudFormation(String name, byte[] content, ParserLimits limits) throws IOException {
    Path file = root.resolve(name);
    Files.write(file, content);
    Optional<ParseResult> r = within(() -> new CloudFormationParser(limits).parse(file, root));
    r.ifPresent(x -> ParseInvariants.assertLinesInside(x, name,
        ParseInvariants.lineCount(new String(content, StandardCharsets.UTF_8))));
    return r;
  }

  private Optional<ParseResult> cloudFormation(String name, String content) throws IOException {
    return cloudFormation(name, content.getBytes(StandardCharsets.UTF_8), ParserLimits.DEFAULTS);
  }

  private static <T> T within(Supplier<T> parse) {
    return assertTimeoutPreemptively(HANG, parse::get);
  }

  private static Diagnostic only(ParseResult r, Diagnostic.Level level, String file, String containing) {
    return r.diagnostics().stream()
        .filter(d -> d.level() == level && d.file().equals(file) && d.message().contains(containing))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + level + " '" + containing + "' for " + file + " in " + r.diagnostics()));
  }

  private static Resource resource(ParseResult r, String name) {
    return r.resources().stream().filter(x -> x.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no resource " + name + " in " + r.resources()));
  }

  private static final String TF = """
      resource "aws_iam_user" "u" {
        name = "deploy"
      }

      resource "aws_iam_user_policy" "p" {
        user   = aws_iam_user.u.name
        policy = "{}"
      }
      """;

  private static final String YAML = """
      AWSTemplateFormatVersion: "2010-09-09"
      Resources:
        User:
          Type: AWS::IAM::User

        Role:
          Type: AWS::IAM::Role
          Properties:
            RoleName: r
      """;

  // ---- unreadable ----

  @Test
  void unreadableFilesAreReportedNotScanned() throws IOException {
    Path dir = Files.createDirectories(root.resolve("m"));
    // a dangling link cannot be read by anyone, root included (chmod 000 does not stop root)
    Files.createSymbolicLink(dir.resolve("main.tf"), dir.resolve("missing.tf"));
    ParseResult tf = within(() -> new TerraformModuleParser().parse(dir, root, List.of()));
    assertTrue(tf.resources().isEmpty());

    Path cfn = root.resolve("template.yaml");
    Files.createSymbolicLink(cfn, root.resolve("missing.yaml"));
    ParseResult r = within(() -> new CloudFormationParser().parse(cfn, root)).orElseThrow();
    only(r, Diagnostic.Level.ERROR, "template.yaml", "cannot read");
  }

  @Test
  void aNamedPipeIsNotReadFromForever() throws Exception {
    Path fifo = root.resolve("template.yaml");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(p.waitFor() == 0, "mkfifo not available");
    ParseResult r = within(() -> new CloudFormationParser().parse(fifo, root)).orElseThrow();
    only(r, Diagnostic.Level.ERROR, "template.yaml", "not a regular file");
  }

  // ---- encodings and line endings ----

  @Test
  void binaryFiles() throws IOException {
    byte[] junk = new byte[64 * 1024];
    new Random(42).nextBytes(junk);
    ParseResult tf = terraform("main.tf", junk);
    only(tf, Diagnostic.Level.ERROR, "m/main.tf", "UTF-8");
    // mention a template key so the reader cannot dismiss the file as "not a template"
    byte[] withHint = (new String(junk, StandardCharsets.ISO_8859_1) + "\nResources:\n").getBytes(StandardCharsets.ISO_8859_1);
    cloudFormation("template.yaml", withHint, ParserLimits.DEFAULTS);
    cloudFormation("template.json", ("{\"Resources\": \u0000\u0001\u0002}").getBytes(StandardCharsets.UTF_8),
        ParserLimits.DEFAULTS).ifPresent(r -> assertTrue(r.resources().isEmpty()));
  }

  @Test
  void nonUtf8() throws IOException {
    byte[] latin1 = ("# caf\u00e9\n" + TF).getBytes(StandardCharsets.ISO_8859_1);
    Diagnostic d = only(terraform("main.tf", latin1), Diagnostic.Level.ERROR, "m/main.tf", "UTF-8");
    assertEquals(1, d.line());
    // CloudFormation replaces bad bytes and reads on: the template itself is still scanned
    ParseResult r = cloudFormation("template.yaml", ("# caf\u00e9\n" + YAML).getBytes(StandardCharsets.ISO_8859_1),
        ParserLimits.DEFAULTS).orElseThrow();
    assertEquals(8, resource(r, "Role").range().startLine() + 1);
  }

  @Test
  void byteOrderMarkIsSkippedAndPositionsStayRight() throws IOException {
    ParseResult tf = terraform("main.tf", ("\uFEFF" + TF).getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), tf.diagnostics());
    assertEquals(1, resource(tf, "u").range().startLine());
    assertEquals(1, resource(tf, "u").range().startColumn());
    assertEquals(5, resource(tf, "p").range().startLine());
    ParseResult cfn = cloudFormation("template.yaml", "\uFEFF" + YAML).orElseThrow();
    assertEquals(6, resource(cfn, "Role").range().startLine());
  }

  @Test
  void crlfLineEndingsKeepLineNumbers() throws IOException {
    ParseResult tf = terraform("main.tf", TF.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), tf.diagnostics());
    Resource p = resource(tf, "p");
    assertEquals(5, p.range().startLine());
    assertEquals(8, p.range().endLine());
    Value.Field user = p.body().field("user").orElseThrow();
    assertEquals(6, user.keyRange().startLine());
    assertEquals(3, user.keyRange().startColumn());

    ParseResult yaml = cloudFormation("template.yaml", YAML.replace("\n", "\r\n")).orElseThrow();
    assertEquals(6, resource(yaml, "Role").range().startLine());
    Value.Field roleName = resource(yaml, "Role").body().field("RoleName").orElseThrow();
    assertEquals(9, roleName.keyRange().startLine());
    assertEquals(7, roleName.keyRange().startColumn());

    String json = "{\r\n  \"Resources\": {\r\n    \"User\": {\r\n      \"Type\": \"AWS::IAM::User\"\r\n    }\r\n  }\r\n}\r\n";
    ParseResult j = cloudFormation("template.json", json).orElseThrow();
    assertEquals(3, resource(j, "User").range().startLine());
  }

  @Test
  void emptyFiles() throws IOException {
    ParseResult tf = terraform("main.tf", new byte[0]);
    assertEquals(List.of(), tf.diagnostics());
    assertTrue(tf.resources().isEmpty());
    assertTrue(cloudFormation("template.yaml", "").isEmpty());
    assertTrue(cloudFormation("template.json", "").isEmpty());
  }

  // ---- size ----

  @Test
  void hugeSingleLines() throws IOException {
    String big = "x".repeat(3 * 1024 * 1024);
    ParseResult tf = terraform("main.tf", ("resource \"aws_iam_user\" \"u\" { name = \"" + big + "\" }\n")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), tf.diagnostics());
    assertEquals(big.length(), ((Value.Text) resource(tf, "u").body().get("name").orElseThrow()).value().length());

    String json = "{\"Resources\": {\"U\": {\"Type\": \"AWS::IAM::User\", \"Properties\": {\"UserName\": \"" + big + "\"}}}}";
    ParseResult j = cloudFormation("template.json", json).orElseThrow();
    assertEquals(List.of(), j.diagnostics());
    assertEquals(1, resource(j, "U").range().startLine());
  }

  @Test
  void stringsAboveTheLimitAreReportedAtTheirLine() throws IOException {
    ParserLimits small = ParserLimits.DEFAULTS.withMaxStringLength(1000);
    String yaml = YAML + "    Policy:\n      Type: AWS::IAM::Policy\n      Properties:\n        PolicyName: " + "p".repeat(2000) + "\n";
    ParseResult r = cloudFormation("template.yaml", yaml.getBytes(StandardCharsets.UTF_8), small).orElseThrow();
    assertEquals(13, only(r, Diagnostic.Level.ERROR, "template.yaml", "limit").line());
    String json = "{\"Resources\": {\n\"U\": {\"Type\": \"" + "p".repeat(2000) + "\"}}}";
    ParseResult j = cloudFormation("template.json", json.getBytes(StandardCharsets.UTF_8), small).orElseThrow();
    assertEquals(2, only(j, Diagnostic.Level.ERROR, "template.json", "limit").line());
  }

  @Test
  void filesAboveTheSizeLimitAreNotRead() throws IOException {
    ParserLimits small = ParserLimits.DEFAULTS.withMaxFileBytes(1024);
    String padded = YAML + "# " + "-".repeat(2000) + "\n";
    ParseResult r = cloudFormation("template.yaml", padded.getBytes(StandardCharsets.UTF_8), small).orElseThrow();
    Diagnostic d = only(r, Diagnostic.Level.ERROR, "template.yaml", "above the limit of 1024 bytes");
    assertEquals(1, d.line());
    assertTrue(r.resources().isEmpty());
    // a large file that does not look like a template is only mentioned
    ParseResult data = cloudFormation("data.json", ("[" + "1,".repeat(2000) + "1]").getBytes(StandardCharsets.UTF_8), small)
        .orElseThrow();
    only(data, Diagnostic.Level.WARNING, "data.json", "above the limit");
  }

  // ---- nesting ----

  @Test
  void deeplyNestedInputIsAnErrorNotAStackOverflow() throws IOException {
    int n = 100_000;
    ParseResult list = terraform("main.tf", ("locals {\n  a = " + "[".repeat(n) + "]".repeat(n) + "\n}\n")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(2, only(list, Diagnostic.Level.ERROR, "m/main.tf", "nested more than").line());
    ParseResult blocks = terraform("main.tf", ("a {\n".repeat(n) + "}\n".repeat(n)).getBytes(StandardCharsets.UTF_8));
    assertEquals(ParserLimits.DEFAULT_MAX_NESTING_DEPTH + 1,
        only(blocks, Diagnostic.Level.ERROR, "m/main.tf", "nested more than").line());
    ParseResult unary = terraform("main.tf", ("locals {\n  a = " + "!".repeat(n) + "true\n}\n").getBytes(StandardCharsets.UTF_8));
    only(unary, Diagnostic.Level.ERROR, "m/main.tf", "nested more than");
    ParseResult interpolation = terraform("main.tf", ("locals {\n  a = " + "\"${".repeat(n) + "\n}\n")
        .getBytes(StandardCharsets.UTF_8));
    only(interpolation, Diagnostic.Level.ERROR, "m/main.tf", "nested more than");

    ParseResult yaml = cloudFormation("template.yaml", "Resources:\n  A: " + "[".repeat(n) + "]".repeat(n) + "\n").orElseThrow();
    assertEquals(2, only(yaml, Diagnostic.Level.ERROR, "template.yaml", "").line());
    ParseResult json = cloudFormation("template.json", "{\"Resources\":\n" + "[".repeat(n) + "]".repeat(n) + "}").orElseThrow();
    assertEquals(2, only(json, Diagnostic.Level.ERROR, "template.json", "limit").line());
    StringBuilder blockYaml = new StringBuilder("Resources:\n");
    for (int i = 0; i < 1000; i++) blockYaml.append(" ".repeat(i + 1)).append("k").append(i).append(":\n");
    ParseResult deepYaml = cloudFormation("template.yaml", blockYaml.toString()).orElseThrow();
    assertTrue(deepYaml.diagnostics().stream().anyMatch(d -> d.level() == Diagnostic.Level.ERROR), deepYaml.diagnostics().toString());
  }

  // ---- YAML aliases ----

  @Test
  void billionLaughsIsNeverExpanded() throws IOException {
    StringBuilder y = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nLol0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for (int i = 1; i < 10; i++) {
      y.append("Lol").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      y.append("]\n");
    }
    y.append("Resources:\n  U:\n    Type: AWS::IAM::User\n    Properties:\n      UserName: *a9\n");
    // The alias count below proves nothing was expanded; speed belongs to scripts/bench.
    ParseResult r = cloudFormation("template.yaml", y.toString()).orElseThrow();
    assertTrue(r.diagnostics().stream().allMatch(d -> d.level() == Diagnostic.Level.WARNING), r.diagnostics().toString());
    assertEquals(82, r.diagnostics().stream().filter(d -> d.message().contains("alias")).count());
    assertTrue(resource(r, "U").body().get("UserName").orElseThrow() instanceof Value.Unknown);
  }

  @Test
  void tooManyAliasesStopTheDocument() throws IOException {
    StringBuilder y = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nA: &a x\nB:\n");
    for (int i = 0; i < 5000; i++) y.append("  - *a\n");
    y.append("Resources: {}\n");
    ParseResult r = cloudFormation("template.yaml", y.toString()).orElseThrow();
    Diagnostic d = only(r, Diagnostic.Level.ERROR, "template.yaml", "alias limit");
    assertEquals(4 + ParserLimits.DEFAULT_MAX_YAML_ALIASES, d.line());
  }

  // ---- time ----

  @Test
  void theTimeBudgetEndsAParse() throws IOException {
    ParserLimits instant = ParserLimits.DEFAULTS.withTimeBudget(Duration.ofNanos(1));
    StringBuilder y = new StringBuilder("Resources:\n");
    for (int i = 0; i < 5000; i++) y.append("  R").append(i).append(":\n    Type: AWS::IAM::User\n");
    ParseResult r = cloudFormation("template.yaml", y.toString().getBytes(StandardCharsets.UTF_8), instant).orElseThrow();
    only(r, Diagnostic.Level.ERROR, "template.yaml", "time budget");
  }

  // ---- file() ----

  @Test
  void fileOutsideTheScanRootIsReportedAndNotRead() throws IOException {
    ParseResult r = terraform("main.tf", """
        resource "aws_iam_policy" "p" {
          policy = file("../../../etc/passwd")
        }
        """.getBytes(StandardCharsets.UTF_8));
    Diagnostic d = only(r, Diagnostic.Level.WARNING, "m/main.tf", "outside the scan root");
    assertEquals(2, d.line());
    assertTrue(r.files().stream().noneMatch(f -> f.contains("passwd")), r.files().toString());
    assertTrue(resource(r, "p").body().get("policy").orElseThrow() instanceof Value.Unknown);
  }
}
