package dev.iamscan.scanner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.SourceRange;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.Fixtures;
import dev.iamscan.scanner.ScanResult;
import dev.iamscan.scanner.ScanRoot;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {
  static final Path CWD = Path.of("/home/runner/work/repo/repo");
  static final MarkdownReporter.SourceLinks LINKS =
      new MarkdownReporter.SourceLinks("https://github.com", "octo/infra", "0123abc", "");

  static ScanResult sample() {
    Finding admin = new Finding(Fixtures.CRITICAL_RULE, Severity.CRITICAL,
        "aws_iam_policy.admin allows Action \"*\" | everything <b>",
        new SourceRange("infra/iam.tf", 12, 5, 15, 6), "aws_iam_policy.admin", "*", List.of());
    Finding bucket = new Finding(Fixtures.MEDIUM_RULE, Severity.MEDIUM, "PublicBucket has a public ACL",
        new SourceRange("stacks/my stack.yaml", 7, 3, 7, 30), "PublicBucket", "public-read", List.of());
    Finding outside = new Finding(Fixtures.MEDIUM_RULE, Severity.MEDIUM, "elsewhere",
        SourceRange.at("other.tf", 2, 1), "x", "", List.of());
    return Fixtures.result(List.of(admin, bucket, outside),
        List.of(Diagnostic.error("broken/main.tf", 4, 9, "unexpected token '}'")), 5, 1,
        List.of(Fixtures.CRITICAL_RULE, Fixtures.MEDIUM_RULE),
        List.of(new ScanRoot(CWD, CWD, "", ScanRoot.SRCROOT, true)), Map.of("other.tf", "SCANROOT1"), CWD);
  }

  static String render(ScanResult r, MarkdownReporter.SourceLinks links) throws IOException {
    StringWriter w = new StringWriter();
    new MarkdownReporter(links).write(r, w);
    return w.toString();
  }

  @Test
  void countsBySeverityThenAFindingsTableLinkedToTheCommit() throws IOException {
    String md = render(sample(), LINKS);
    assertTrue(md.startsWith("## iamscan\n\n3 findings (1 critical, 0 high, 2 medium, 0 low); 5 files scanned, "
        + "1 not scanned\n\n| Severity | Findings |\n|---|---:|\n| critical | 1 |\n| high | 0 |\n| medium | 2 |\n"
        + "| low | 0 |\n"), md);
    assertTrue(md.contains("| critical | [IAM901](https://github.com/iamscan/iamscan/blob/main/docs/rules/IAM901.md) | "
        + "[`infra/iam.tf:12`](https://github.com/octo/infra/blob/0123abc/infra/iam.tf#L12-L15) | "
        + "aws\\_iam\\_policy.admin allows Action \"\\*\" \\| everything \\<b\\> |\n"), md);
    assertTrue(md.contains("[`stacks/my stack.yaml:7`](https://github.com/octo/infra/blob/0123abc/stacks/my%20stack.yaml#L7)"),
        md);
    // A file of a scan root outside the working directory cannot be placed in the repository.
    assertTrue(md.contains("| `other.tf:2` | elsewhere |"), md);
    assertTrue(md.contains("### Input problems\n\n| Level | Location | Problem |\n|---|---|---|\n"
        + "| error | [`broken/main.tf:4`](https://github.com/octo/infra/blob/0123abc/broken/main.tf#L4) | "
        + "unexpected token '}' |\n"), md);
  }

  @Test
  void theHeadingNamesTheCategory() throws IOException {
    StringWriter w = new StringWriter();
    new MarkdownReporter(null, "iamscan_infra").write(sample(), w);
    assertTrue(w.toString().startsWith("## iamscan: iamscan\\_infra\n\n3 findings"), w.toString());
  }

  @Test
  void withoutGitHubVariablesLocationsAreNotLinks() throws IOException {
    String md = render(sample(), null);
    assertTrue(md.contains("| `infra/iam.tf:12` |"), md);
    assertFalse(md.contains("](https://github.com/octo"), md);
  }

  @Test
  void aCleanScanHasCountsButNoTables() throws IOException {
    ScanResult clean = Fixtures.result(List.of(), List.of(), 3, 0, List.of(Fixtures.CRITICAL_RULE), List.of(), Map.of(), CWD);
    String md = render(clean, LINKS);
    assertTrue(md.contains("0 findings (0 critical, 0 high, 0 medium, 0 low); 3 files scanned"), md);
    assertFalse(md.contains("### Findings"), md);
    assertFalse(md.contains("### Input problems"), md);
  }

  @Test
  void aHugeScanIsCutWithANote() throws IOException {
    List<Finding> many = new ArrayList<>();
    for (int i = 1; i <= MarkdownReporter.MAX_ROWS + 7; i++) {
      many.add(new Finding(Fixtures.MEDIUM_RULE, Severity.MEDIUM, "m" + i, SourceRange.at("a.tf", i, 1), "r", "",
          List.of()));
    }
    String md = render(Fixtures.result(many, List.of(), 1, 0, List.of(Fixtures.MEDIUM_RULE), List.of(), Map.of(), CWD), null);
    assertEquals(MarkdownReporter.MAX_ROWS, md.lines().filter(l -> l.startsWith("| medium | [IAM902]")).count());
    assertTrue(md.contains("…and 7 more; the job log and the SARIF report list every finding."), md);
  }

  @Test
  void linksComeFromTheActionsVariablesAndTheWorkingDirectoryInsideTheWorkspace() {
    Map<String, String> env = Map.of("GITHUB_SERVER_URL", "https://ghe.example.com/", "GITHUB_REPOSITORY", "o/r",
        "GITHUB_SHA", "f00", "GITHUB_WORKSPACE", "/ws");
    assertEquals(new MarkdownReporter.SourceLinks("https://ghe.example.com", "o/r", "f00", ""),
        MarkdownReporter.SourceLinks.fromEnvironment(env, Path.of("/ws")));
    assertEquals("infra/", MarkdownReporter.SourceLinks.fromEnvironment(env, Path.of("/ws/infra")).prefix());
    assertNull(MarkdownReporter.SourceLinks.fromEnvironment(env, Path.of("/elsewhere")));
    assertNull(MarkdownReporter.SourceLinks.fromEnvironment(Map.of("GITHUB_REPOSITORY", "o/r"), Path.of("/ws")));
  }
}
