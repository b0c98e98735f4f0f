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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, usage errors, path anchoring, contradictions and output files: real parsers and rules. */
class CommandLineTest {
  @TempDir Path root;
  final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
  List<Rule> rules = List.of(RuleCatalog.byId("IAM001").orElseThrow(), RuleCatalog.byId("IAM020").orElseThrow());
  String out;
  String err;

  static final String ADMIN = WorkflowCliTest.ADMIN;

  static String policy(String name) {
    return WorkflowCliTest.policy(name, "", "");
  }

  int run(String... args) {
    return runIn(root, args);
  }

  int runIn(Path cwd, String... args) {
    CliEnvironment environment = new CliEnvironment(cwd, Map.of(), false,
        new ToolInfo("iamscan", "9.9.9", "https://example.com"), rules, Scanner::withDefaults, clock);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = IamscanCommand.create(environment, new PrintWriter(o), new PrintWriter(e)).execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  JsonNode json() throws IOException {
    return new ObjectMapper().readTree(out);
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  // --- help everywhere -------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"scan --help", "scan -h", "help scan", "rules -h", "rules --help", "help rules",
      "rules explain --help", "rules docs -h", "config --help", "config validate --help", "help config",
      "version --help", "--help"})
  void helpPrintsUsageAndExitsZero(String command) {
    assertEquals(0, run(command.split(" ")), err);
    assertTrue(out.startsWith("Usage: iamscan"), out);
    assertEquals("", err);
    String name = command.replace("help ", "").replace(" --help", "").replace(" -h", "").replace("--help", "");
    assertTrue(out.startsWith("Usage: iamscan" + (name.isEmpty() ? "" : " " + name)), out);
  }

  @Test
  void scanHelpListsTheOptionsAndExitCodes() {
    assertEquals(0, run("scan", "--help"));
    for (String option : List.of("--format", "--output", "--fail-on", "--exclude", "--changed-since",
        "--baseline", "--strict-suppressions")) {
      assertTrue(out.contains(option), option + " missing from\n" + out);
    }
    // Values are listed as they are typed: lower case, every one of them.
    String flat = out.replaceAll("\\s+", " ");
    String formats = java.util.Arrays.stream(dev.iamscan.scanner.report.ReportFormat.values())
        .map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.joining(", "));
    assertTrue(flat.contains("Report format: " + formats + " (default: text)"), flat);
    assertTrue(flat.contains("(sarif, text, json, github, junit, markdown)"), flat);
    assertTrue(flat.contains("critical, high, medium, low, none (default: low)"), flat);
    assertFalse(flat.contains("CRITICAL") || flat.contains("JUNIT"), flat);
    assertTrue(out.contains("Exit codes (the first that applies wins):"), out);
  }

  @Test
  void aUsageErrorIsOneLineAndAHint() {
    assertEquals(2, run("scan", "--bogus"));
    assertEquals(List.of("iamscan: Unknown option: '--bogus'", "Try 'iamscan scan --help' for more information."),
        errLines());
    assertEquals("", out);

    assertEquals(2, run("scan", "--fail-on", "severe"));
    assertEquals(2, errLines().size(), err);
    assertTrue(errLines().get(0).startsWith("iamscan: Invalid value for option '--fail-on'"), err);

    assertEquals(2, run("config", "validate", "a.yml", "b.yml"));
    assertEquals("Try 'iamscan config validate --help' for more information.", errLines().get(1));

    assertEquals(2, run("config"));
    assertEquals(List.of("iamscan: a subcommand is required: validate",
        "Try 'iamscan config --help' for more information."), errLines());

    assertEquals(2, run());
    assertEquals("Try 'iamscan --help' for more information.", errLines().get(1));

    // Errors found while running are usage errors of the same shape.
    assertEquals(2, run("scan", "no-such-dir"));
    assertEquals(2, errLines().size(), err);
    assertTrue(errLines().get(0).startsWith("iamscan: no such file or directory: "), err);
  }

  // --- paths anchor where a user expects ---------------------------------------------------------

  @Test
  void aBaselineWrittenInASubfolderKeepsItsFindingsFromTheRootAndBack() throws IOException {
    Path infra = root.resolve("infra");
    write(infra.resolve("main.tf"), policy("old"));
    write(infra.resolve("iam/main.tf"), policy("nested"));

    assertEquals(0, runIn(infra, "scan", "--write-baseline", "baseline.json"));
    String baseline = Files.readString(infra.resolve("baseline.json"));
    assertTrue(baseline.contains("\"file\" : \"main.tf\""), baseline);
    assertTrue(baseline.contains("\"file\" : \"iam/main.tf\""), baseline);

    assertEquals(0, run("scan", "infra", "--baseline", "infra/baseline.json", "--format", "json"), out + err);
    assertEquals(0, json().at("/summary/findings").asInt(), out);
    assertEquals(2, json().at("/summary/baselined").asInt(), out);
    assertEquals(0, json().at("/summary/baselineGone").asInt(), out);

    // The other way round: written from the root, used from the subfolder.
    assertEquals(0, run("scan", "infra", "--write-baseline", "infra/from-root.json"));
    assertEquals(Files.readString(infra.resolve("baseline.json")), Files.readString(infra.resolve("from-root.json")));
    assertEquals(0, runIn(infra, "scan", "--baseline", "from-root.json", "--format", "json"), out + err);
    assertEquals(2, json().at("/summary/baselined").asInt(), out);

    // A baseline elsewhere names the files relative to itself.
    Files.createDirectories(root.resolve("ci"));
    assertEquals(0, runIn(infra, "scan", "--write-baseline", "../ci/b.json"));
    assertTrue(Files.readString(root.resolve("ci/b.json")).contains("\"file\" : \"../infra/main.tf\""));
    assertEquals(0, run("scan", "--baseline", "ci/b.json"), out + err);
  }

  @Test
  void baselineEntriesOutsideTheScanAreNotCountedAsFixed() throws IOException {
    write(root.resolve("infra/main.tf"), policy("infra"));
    write(root.resolve("apps/main.tf"), policy("apps"));
    assertEquals(0, run("scan", "--write-baseline", "baseline.json"));

    // Scanning one folder with the whole repository's baseline: the other folder's entries were not looked at.
    assertEquals(0, run("scan", "infra", "--baseline", "baseline.json", "--format", "json"), out + err);
    assertEquals(1, json().at("/summary/baselined").asInt(), out);
    assertEquals(0, json().at("/summary/baselineGone").asInt(), out);
    // Nor were entries of a rule that did not run.
    assertEquals(0, run("scan", "--baseline", "baseline.json", "--skip-rules", "IAM001", "--format", "json"), out + err);
    assertEquals(0, json().at("/summary/baselineGone").asInt(), out);

    // Nor is an entry whose finding a suppression now covers.
    write(root.resolve(".iamscan.yml"), "version: 1\nexceptions:\n  - {rule: IAM001, path: apps/**, reason: accepted}\n");
    assertEquals(0, run("scan", "--baseline", "baseline.json", "--format", "json"), out + err);
    assertEquals(1, json().at("/summary/baselined").asInt(), out);
    assertEquals(0, json().at("/summary/baselineGone").asInt(), out);
    Files.delete(root.resolve(".iamscan.yml"));

    // An entry in a scanned file that no finding matches any more is fixed.
    write(root.resolve("apps/main.tf"), "");
    assertEquals(0, run("scan", "--baseline", "baseline.json", "--format", "json"), out + err);
    assertEquals(1, json().at("/summary/baselined").asInt(), out);
    assertEquals(1, json().at("/summary/baselineGone").asInt(), out);
  }

  @Test
  void scanningASubfolderFromTheRootUsesItsConfigurationAsFromInside() throws IOException {
    Path infra = root.resolve("infra");
    write(infra.resolve("app/main.tf"), policy("app"));
    write(infra.resolve("legacy/main.tf"), policy("legacy"));
    write(infra.resolve("examples/main.tf"), policy("example"));
    write(infra.resolve("accepted/main.tf"), policy("accepted"));
    Files.createDirectories(infra.resolve("ci"));
    assertEquals(0, runIn(infra, "scan", "accepted", "--write-baseline", "ci/baseline.json"));
    write(infra.resolve(".iamscan.yml"), """
        version: 1
        baseline: ci/baseline.json
        exclude: [examples/]
        exceptions:
          - rule: IAM001
            path: legacy/**
            reason: legacy account
        """);
    assertEquals(1, runIn(infra, "scan", "--format", "json"));
    JsonNode inside = json();
    assertEquals(1, run("scan", "infra", "--format", "json"), err);
    JsonNode fromRoot = json();
    assertEquals(List.of("aws_iam_policy.app"), resources(inside));
    assertEquals(resources(inside), resources(fromRoot));
    assertEquals("app/main.tf", inside.at("/findings/0/file").asText());
    assertEquals("infra/app/main.tf", fromRoot.at("/findings/0/file").asText());
    for (JsonNode doc : List.of(inside, fromRoot)) {
      assertEquals(1, doc.at("/summary/suppressed").asInt(), doc.toString());
      assertEquals(1, doc.at("/summary/baselined").asInt(), doc.toString());
      assertEquals(3, doc.at("/summary/filesScanned").asInt(), doc.toString());
    }
  }

  static List<String> resources(JsonNode doc) {
    List<String> r = new ArrayList<>();
    doc.get("findings").forEach(f -> r.add(f.get("resource").asText()));
    return r;
  }

  // --- a suppression on a module call --------------------------------------------------------------

  @Test
  void aSuppressionOnAModuleCallCoversTheFindingsInsideTheCall() throws IOException {
    write(root.resolve("modules/admin/main.tf"), policy("this"));
    write(root.resolve("main.tf"), """
        # iamscan:ignore IAM001 -- sandbox account, reviewed (SEC-7)
        module "sandbox" {
          source = "./modules/admin"
        }

        module "prod" {
          source = "./modules/admin"
        }
        """);
    assertEquals(1, run("scan", "--format", "json"), err);
    JsonNode doc = json();
    assertEquals(1, doc.at("/summary/findings").asInt(), out);
    assertTrue(doc.at("/findings/0/message").asText().contains("module.prod."), out);
    assertEquals(1, doc.at("/summary/suppressed").asInt(), out);
    assertTrue(doc.at("/suppressed/0/message").asText().contains("module.sandbox."), out);
    assertEquals("sandbox account, reviewed (SEC-7)", doc.at("/suppressed/0/justification").asText());
    assertFalse(err.contains("suppresses nothing"), err);

    // Nested: a suppression on the outer call covers the modules it calls in turn.
    write(root.resolve("modules/wrapper/main.tf"), "module \"inner\" {\n  source = \"../admin\"\n}\n");
    write(root.resolve("main.tf"), """
        module "plain" {
          source = "./modules/wrapper"
        }
        module "quiet" { # iamscan:ignore IAM001 -- wrapper used in the sandbox only
          source = "./modules/wrapper"
        }
        """);
    assertEquals(1, run("scan", "--format", "json"), err);
    doc = json();
    assertEquals(1, doc.at("/summary/findings").asInt(), out);
    assertTrue(doc.at("/findings/0/message").asText().contains("module.plain.module.inner."), out);
    assertEquals(1, doc.at("/summary/suppressed").asInt(), out);
  }

  // --- contradictions are errors -----------------------------------------------------------------

  @Test
  void aRuleSelectionThatLeavesNoRuleIsAnError() throws IOException {
    write(root.resolve("main.tf"), policy("admin"));
    assertEquals(2, run("scan", "--rules", "IAM001", "--categories", "public-bucket"));
    assertEquals(List.of("iamscan: no rule left to run: --rules IAM001 with --categories public-bucket select none "
        + "of the rules", "Try 'iamscan scan --help' for more information."), errLines());

    write(root.resolve(".iamscan.yml"), "version: 1\ncategories: [public-bucket]\n");
    assertEquals(2, run("scan", "--rules", "IAM001"));
    assertTrue(errLines().get(0).endsWith(
        "--rules IAM001 with categories: [public-bucket] in .iamscan.yml select none of the rules"), err);
    assertEquals(0, run("scan", "--rules", "IAM020"));
  }

  @Test
  void anUnknownRuleInTheConfigurationIsRejectedByValidateAndScanWithItsLine() throws IOException {
    write(root.resolve("main.tf"), policy("admin"));
    write(root.resolve(".iamscan.yml"), """
        version: 1
        skip-rules:
          - IAM001
          - IAM777
        exceptions:
          - rule: IAM778
            path: legacy/**
            reason: gone
        categories: [public-bucket, not-a-category]
        """);
    String[] expected = {
        ".iamscan.yml:4: unknown rule IAM777 (see: iamscan rules)",
        ".iamscan.yml:6: unknown rule IAM778 (see: iamscan rules)"};
    assertEquals(2, run("config", "validate"));
    for (String e : expected) assertTrue(err.contains(e + "\n"), err);
    assertTrue(err.contains(".iamscan.yml:9: unknown category 'not-a-category'"), err);
    assertEquals(2, run("scan"));
    for (String e : expected) assertTrue(err.contains("iamscan: " + e), err);
  }

  @Test
  void anExpiryThatIsNotADateSuppressesNothingAndIsReported() throws IOException {
    write(root.resolve("main.tf"),
        WorkflowCliTest.policy("comment", "# iamscan:ignore IAM001 until=2025-13-45 -- temporary\n", "")
        + WorkflowCliTest.policy("fine", "# iamscan:ignore IAM001 until=2025-12-31 -- temporary\n", ""));
    write(root.resolve("t.yaml"), """
        Resources:
          P:
            Type: AWS::IAM::ManagedPolicy
            Metadata:
              iamscan:
                ignore:
                  - {id: IAM001, reason: temporary, until: next week}
            Properties:
              PolicyDocument:
                Statement:
                  - {Effect: Allow, Action: "*", Resource: "*"}
        """);
    assertEquals(1, run("scan", "--format", "json"));
    assertEquals("[aws_iam_policy.comment, P]", json().get("findings").findValuesAsText("resource").toString());
    assertEquals(1, json().at("/summary/suppressed").asInt());
    assertTrue(err.contains("main.tf:1:1: warning: suppression of IAM001: 'until=2025-13-45' is not a date "
        + "(YYYY-MM-DD); it suppresses nothing"), err);
    assertTrue(err.contains("t.yaml:7:1: warning: suppression of IAM001: 'until: next week' is not a date"), err);
  }

  // --- output files and exit codes ---------------------------------------------------------------

  @Test
  void writeErrorsSayWhyInWords() {
    assertEquals("no such file or directory", ScanCommand.reason(new java.nio.file.NoSuchFileException("/proc/x.sarif")));
    assertEquals("permission denied", ScanCommand.reason(new java.nio.file.AccessDeniedException("/r.sarif")));
    assertEquals("disk full", ScanCommand.reason(new java.nio.file.FileSystemException("/r.sarif", null, "disk full")));
  }

  @Test
  void anOutputThatCannotBeWrittenIsOneLine() throws IOException {
    write(root.resolve("main.tf"), policy("admin"));
    Files.createDirectories(root.resolve("reports"));
    write(root.resolve("file"), "x");
    for (String bad : List.of("reports", "missing/r.sarif", "file/r.sarif")) {
      assertEquals(2, run("scan", "--format", "sarif", "--output", bad), bad);
      assertEquals(2, errLines().size(), err);
      assertTrue(errLines().get(0).startsWith("iamscan: --output: "), err);
      assertFalse(err.contains("internal error") || err.contains("\tat "), err);
    }
    assertEquals("iamscan: --output: not a directory: " + root.resolve("file"), errLines().get(0));
    assertEquals(2, run("scan", "--output", "missing/r.sarif"));
    assertEquals("iamscan: --output: directory does not exist: " + root.resolve("missing"), errLines().get(0));
    assertEquals(2, run("scan", "--output", "reports"));
    assertEquals("iamscan: --output: is a directory: " + root.resolve("reports"), errLines().get(0));
    assertEquals(2, run("scan", "--write-baseline", "reports"));
    assertTrue(errLines().get(0).startsWith("iamscan: --write-baseline: is a directory"), err);
  }

  @Test
  void findingsWinOverStrictSuppressionErrorsWhichWinOverInputErrors() {
    write(root.resolve("main.tf"), policy("admin") + "# iamscan:ignore IAM020 -- nothing to suppress\n"
        + "resource \"aws_s3_bucket\" \"b\" {}\n");
    // findings at or above the threshold and a suppression error: 1
    assertEquals(1, run("scan", "--strict-suppressions"));
    assertTrue(out.contains("error  suppression of IAM020 suppresses nothing"), out);
    // below the threshold, the suppression error decides: 2
    assertEquals(2, run("scan", "--strict-suppressions", "--fail-on", "none"));
    // an unreadable file as well: the suppression error still wins over 3
    write(root.resolve("broken/main.tf"), "resource \"x\" {\n");
    assertEquals(2, run("scan", "--strict-suppressions", "--fail-on", "none"));
    assertEquals(3, run("scan", "--fail-on", "none"));
    assertEquals(1, run("scan", "--strict-suppressions"));
  }

  // --- --exclude, --changed-since, --format junit ------------------------------------------------

  @Test
  void excludeOnTheCommandLineIsRepeatableAndLeavesFilesUnread() throws IOException {
    write(root.resolve("app/main.tf"), policy("app"));
    write(root.resolve("examples/main.tf"), policy("example"));
    write(root.resolve("test/fixtures/main.tf"), policy("fixture"));
    write(root.resolve("broken/main.tf"), "resource \"x\" {\n");
    assertEquals(3, run("scan", "--format", "json", "--fail-on", "none"));
    assertEquals(4, json().at("/summary/filesScanned").asInt() + json().at("/summary/filesNotScanned").asInt());
    assertEquals(0, run("scan", "--format", "json", "--exclude", "examples/", "--exclude", "**/fixtures/**",
        "--exclude", "broken", "--fail-on", "none"), err);
    assertEquals(List.of("aws_iam_policy.app"), resources(json()));
    // Unread, not merely unreported: neither the broken file nor the others count as scanned.
    assertEquals(1, json().at("/summary/filesScanned").asInt(), out);
    assertEquals(0, json().at("/summary/filesNotScanned").asInt(), out);

    // Relative to the working directory, as the configuration's are relative to its file.
    assertEquals(1, runIn(root.resolve("app"), "scan", "--exclude", "examples/"));
    write(root.resolve(".iamscan.yml"), "version: 1\nexclude: [examples/]\n");
    assertEquals(1, run("scan", "--format", "json", "--exclude", "test", "--exclude", "broken"));
    assertEquals(List.of("aws_iam_policy.app"), resources(json()));
  }

  /** Runs git in the test repository; the test is skipped where git is missing. */
  void git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", root.toString(), "-c", "user.name=t",
        "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
    command.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      org.junit.jupiter.api.Assumptions.abort("git is not installed: " + e.getMessage());
      return;
    }
    String text = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", args) + ": " + text);
  }

  @Test
  void changedSinceReportsOnlyFilesTheBranchChanged() throws Exception {
    write(root.resolve("modules/admin/main.tf"), policy("this"));
    write(root.resolve("main.tf"), "module \"a\" {\n  source = \"./modules/admin\"\n}\n");
    write(root.resolve("old/main.tf"), policy("old"));
    write(root.resolve("moved/before.tf"), policy("moved"));
    git("init", "-q");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    git("checkout", "-q", "-b", "feature");
    write(root.resolve("modules/admin/main.tf"), "# edited\n" + policy("this"));
    write(root.resolve("new/main.tf"), policy("new"));
    git("mv", "moved/before.tf", "moved/after.tf");
    git("add", "-A");
    git("commit", "-q", "-m", "change");
    // A commit on main after the branch point is not the branch's change (merge-base semantics).
    git("checkout", "-q", "main");
    write(root.resolve("old/main.tf"), "# touched on main\n" + policy("old"));
    git("commit", "-q", "-am", "main moves on");
    git("checkout", "-q", "feature");

    assertEquals(1, run("scan", "--changed-since", "main", "--format", "json"), err);
    JsonNode doc = json();
    List<String> files = new ArrayList<>();
    doc.get("findings").forEach(f -> files.add(f.get("file").asText()));
    // The module's finding is reported through its call: the module was scanned whole.
    assertEquals(List.of("modules/admin/main.tf", "moved/after.tf", "new/main.tf"), files);

    assertEquals(0, run("scan", "--changed-since", "HEAD", "--format", "json"), err);
    assertEquals(0, json().at("/summary/findings").asInt());

    // The repository is the scanned path's, wherever the scan runs from.
    Path elsewhere = Files.createTempDirectory(root.getParent(), "elsewhere");
    assertEquals(1, runIn(elsewhere, "scan", root.toString(), "--changed-since", "main", "--format", "json"), err);
    assertEquals(3, json().at("/summary/findings").asInt(), out);
    assertEquals(1, runIn(elsewhere, "scan", root.resolve("new/main.tf").toString(), "--changed-since", "main"), err);

    assertEquals(2, run("scan", "--changed-since", "main", "--write-baseline", "b.json"));
    assertTrue(errLines().get(0).contains("cannot be used together"), err);

    assertEquals(2, run("scan", "--changed-since", "no-such-branch"));
    assertEquals("iamscan: --changed-since: unknown git ref 'no-such-branch'", errLines().get(0));
  }

  @Test
  void changedSinceOutsideAGitRepositoryIsAClearError() throws Exception {
    Path plain = root.resolve("plain");
    write(plain.resolve("main.tf"), policy("x"));
    git("--version");
    // GIT_CEILING_DIRECTORIES is not ours to set; a temporary directory is not inside a repository.
    assertEquals(2, runIn(plain, "scan", "--changed-since", "main"));
    assertEquals(List.of("iamscan: --changed-since: " + plain + " is not inside a git repository",
        "Try 'iamscan scan --help' for more information."), errLines());
  }

  @Test
  void junitReportHasATestCasePerFindingAndFailuresAtTheThreshold() throws Exception {
    rules = List.of(RuleCatalog.byId("IAM001").orElseThrow(), RuleCatalog.byId("IAM013").orElseThrow(),
        RuleCatalog.byId("IAM020").orElseThrow());
    write(root.resolve("main.tf"), policy("admin")
        + "resource \"aws_iam_access_key\" \"k\" {\n  user = \"deploy\"\n}\n");
    write(root.resolve("broken/main.tf"), "resource \"x\" {\n");
    assertEquals(1, run("scan", "--format", "junit", "--fail-on", "high"), err);
    org.w3c.dom.Document xml = parseXml(out);
    org.w3c.dom.Element suites = xml.getDocumentElement();
    assertEquals("testsuites", suites.getTagName());
    assertEquals("iamscan", suites.getAttribute("name"));
    // IAM001 fails (critical), IAM013 (low) passes with its message, IAM020 has no findings, one unreadable file.
    assertEquals("4", suites.getAttribute("tests"));
    assertEquals("1", suites.getAttribute("failures"));
    assertEquals("1", suites.getAttribute("errors"));
    org.w3c.dom.NodeList suite = xml.getElementsByTagName("testsuite");
    assertEquals(4, suite.getLength());
    assertEquals("iamscan.IAM001", ((org.w3c.dom.Element) suite.item(0)).getAttribute("name"));
    org.w3c.dom.Element failure = (org.w3c.dom.Element) xml.getElementsByTagName("failure").item(0);
    assertEquals("critical", failure.getAttribute("type"));
    assertTrue(failure.getTextContent().contains("main.tf:"), failure.getTextContent());
    org.w3c.dom.Element admin = (org.w3c.dom.Element) failure.getParentNode();
    assertEquals("main.tf", admin.getAttribute("file"));
    assertEquals("iamscan.IAM001", admin.getAttribute("classname"));
    org.w3c.dom.Element low = (org.w3c.dom.Element) ((org.w3c.dom.Element) suite.item(1))
        .getElementsByTagName("testcase").item(0);
    assertEquals(0, low.getElementsByTagName("failure").getLength());
    assertTrue(low.getElementsByTagName("system-out").item(0).getTextContent().contains("IAM013"));
    assertEquals("no findings", ((org.w3c.dom.Element) ((org.w3c.dom.Element) suite.item(2))
        .getElementsByTagName("testcase").item(0)).getAttribute("name"));
    org.w3c.dom.Element input = (org.w3c.dom.Element) suite.item(3);
    assertEquals("iamscan.input", input.getAttribute("name"));
    assertEquals("broken/main.tf", ((org.w3c.dom.Element) input.getElementsByTagName("testcase").item(0))
        .getAttribute("name"));

    // With the threshold lower, the low finding fails too; to a file, standard output stays empty.
    assertEquals(1, run("scan", "--format", "junit", "--fail-on", "low", "--output", "report.xml"));
    assertEquals("", out);
    org.w3c.dom.Document file = parseXml(Files.readString(root.resolve("report.xml")));
    assertEquals("2", file.getDocumentElement().getAttribute("failures"));
  }

  @Test
  void junitTextIsEscapedAndStaysWellFormed() throws Exception {
    rules = List.of(RuleCatalog.byId("IAM020").orElseThrow());
    write(root.resolve("t.yaml"), """
        Resources:
          Site<&>:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: "a]]>b"
              PolicyDocument:
                Statement:
                  - Sid: 'x<y & "z" ]]>'
                    Effect: Allow
                    Principal: "*"
                    Action: s3:GetObject
                    Resource: "arn:aws:s3:::a/*"
        """);
    assertEquals(1, run("scan", "--format", "junit"), err);
    org.w3c.dom.Document xml = parseXml(out);
    assertEquals("1", xml.getDocumentElement().getAttribute("failures"));
    String message = ((org.w3c.dom.Element) xml.getElementsByTagName("failure").item(0)).getAttribute("message");
    assertTrue(message.contains("Site<&>") && message.contains("'x<y & \"z\" ]]>'"), message);
  }

  static org.w3c.dom.Document parseXml(String text) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(text)));
  }
}
