package dev.iamscan.scanner;

import static dev.iamscan.scanner.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.rules.RuleSettings;
import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.config.ScanConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review happens in the scanner: any caller of {@link Scanner#scan} gets reviewed results. */
class ScannerReviewTest {
  @TempDir Path cwd;
  final List<String> warnings = new ArrayList<>();
  final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  ScanResult scan(ReviewSettings review) throws IOException {
    return Fixtures.scanner(warnings).scan(
        new ScanRequest(List.of(cwd), List.of(), false, null, RuleSettings.DEFAULTS, review), cwd);
  }

  ReviewSettings review(Severity min, boolean strict, List<ReviewSettings.PathScope> exclude,
      List<ScanConfig.Exception> exceptions, ReviewSettings.AcceptedBaseline baseline) {
    return new ReviewSettings(min, strict, exclude, new ReviewSettings.Exceptions(".iamscan.yml", cwd, exceptions),
        baseline, Set.of("IAM901", "IAM902"), clock, null);
  }

  static List<String> reported(ScanResult r) {
    return r.findings().stream().map(f -> f.location().file() + ":" + f.location().startLine()).toList();
  }

  @Test
  void inSourceSuppressionsApplyWithTheDefaultReview() throws IOException {
    write(cwd.resolve("main.tf"), """
        # iamscan:ignore IAM901 -- reviewed, SEC-1
        resource "aws_iam_role" "crit_a"
        resource "aws_iam_role" "crit_b"
        """);
    ScanResult r = Fixtures.scanner(warnings).scan(new ScanRequest(List.of(cwd)), cwd);
    assertEquals(List.of("main.tf:3"), reported(r));
    assertEquals(1, r.suppressed().size());
    assertEquals("reviewed, SEC-1", r.suppressed().get(0).justification());
  }

  @Test
  void excludesExceptionsSeverityFloorAndBaselineApplyInOrder() throws IOException {
    write(cwd.resolve("app/main.tf"), "resource \"aws_iam_role\" \"crit_app\"\nresource \"aws_s3_bucket\" \"med_app\"\n");
    write(cwd.resolve("legacy/main.tf"), "resource \"aws_iam_role\" \"crit_legacy\"\n");
    write(cwd.resolve("examples/main.tf"), "resource \"aws_iam_role\" \"crit_example\"\n");
    write(cwd.resolve("old/main.tf"), "resource \"aws_iam_role\" \"crit_old\"\n");

    ScanResult all = scan(review(Severity.LOW, false, List.of(), List.of(), null));
    assertEquals(List.of("app/main.tf:1", "app/main.tf:2", "examples/main.tf:1", "legacy/main.tf:1",
        "old/main.tf:1"), reported(all));

    ScanResult old = scan(review(Severity.LOW, false, List.of(), List.of(), null));
    var accepted = new ReviewSettings.AcceptedBaseline(
        new dev.iamscan.scanner.baseline.Baseline(old.baselineFor(cwd).entries().stream()
            .filter(k -> k.file().equals("old/main.tf")).toList()), cwd);
    ScanResult r = scan(review(Severity.HIGH, false,
        List.of(new ReviewSettings.PathScope(cwd, List.of("examples/"))),
        List.of(new ScanConfig.Exception("IAM901", "legacy/**", null, "legacy account", LocalDate.of(2026, 1, 1), 3)),
        accepted));
    assertEquals(List.of("app/main.tf:1"), reported(r));
    assertEquals(1, r.suppressed().size());
    assertEquals(Suppressed.Kind.EXTERNAL, r.suppressed().get(0).kind());
    assertEquals(1, r.baselined());
    // The excluded folder is not even parsed: three files were read, not four.
    assertEquals(4, all.filesScanned());
    assertEquals(3, r.filesScanned());
  }

  @Test
  void strictReviewMakesSuppressionProblemsErrors() throws IOException {
    write(cwd.resolve("main.tf"), "# iamscan:ignore IAM901\nresource \"aws_iam_role\" \"crit_a\"\n");
    ScanResult lenient = scan(review(Severity.LOW, false, List.of(), List.of(), null));
    assertEquals(0, lenient.suppressionErrors());
    assertEquals(1, lenient.suppressionProblems().size());
    assertTrue(lenient.isSuppressionProblem(lenient.suppressionProblems().get(0)));
    ScanResult strict = scan(review(Severity.LOW, true, List.of(), List.of(), null));
    assertEquals(1, strict.suppressionErrors());
    assertEquals(List.of("main.tf:2"), reported(strict));
  }
}
