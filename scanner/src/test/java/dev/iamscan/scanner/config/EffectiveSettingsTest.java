package dev.iamscan.scanner.config;

import static dev.iamscan.scanner.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.FailOn;
import dev.iamscan.scanner.Fixtures;
import dev.iamscan.scanner.ReviewSettings;
import dev.iamscan.scanner.report.ReportFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One place decides every setting: command line over configuration file over defaults. */
class EffectiveSettingsTest {
  @TempDir Path cwd;

  static EffectiveSettings.CommandLine cli(FailOn failOn, Severity min, Boolean strict, List<String> exclude,
      Path baseline) {
    return new EffectiveSettings.CommandLine(List.of(), List.of(), null, false, null, null, null, failOn, min,
        null, null, null, baseline, null, strict, null, exclude, null);
  }

  EffectiveSettings resolve(EffectiveSettings.CommandLine cli, ScanConfig config) throws Exception {
    return EffectiveSettings.resolve(cli, config, ".iamscan.yml", cwd, Fixtures.testRules(), Clock.systemUTC());
  }

  ScanConfig config(String yaml) throws Exception {
    Path file = write(cwd.resolve("infra/.iamscan.yml"), yaml);
    return new ConfigLoader(Set.of("IAM901", "IAM902")).load(file, "infra/.iamscan.yml");
  }

  @Test
  void defaultsWhereNothingIsSaid() throws Exception {
    EffectiveSettings s = resolve(cli(null, null, null, null, null), ScanConfig.none());
    assertEquals(FailOn.LOW, s.failOn());
    assertEquals(ReportFormat.TEXT, s.format());
    ReviewSettings review = s.request().review();
    assertEquals(Severity.LOW, review.minSeverity());
    assertFalse(review.strictSuppressions());
    assertNull(review.baseline());
    assertEquals(List.of(), review.exclude());
    assertEquals(2, s.rules().size());
    assertEquals(Set.of("IAM901", "IAM902"), review.knownRules());
    assertEquals(List.of(cwd), s.request().paths());
  }

  @Test
  void theFileOverTheDefaultsAndTheCommandLineOverTheFile() throws Exception {
    write(cwd.resolve("infra/ci/accepted.json"), "{\"version\": 1, \"findings\": []}");
    write(cwd.resolve("mine.json"), "{\"version\": 1, \"findings\": []}");
    ScanConfig file = config("""
        version: 1
        fail-on: high
        min-severity: medium
        strict-suppressions: true
        include-suppressed: true
        baseline: ci/accepted.json
        exclude: [examples/]
        skip-rules: [IAM902]
        """);
    EffectiveSettings fromFile = resolve(cli(null, null, null, null, null), file);
    assertEquals(FailOn.HIGH, fromFile.failOn());
    assertEquals(Severity.MEDIUM, fromFile.request().review().minSeverity());
    assertTrue(fromFile.request().review().strictSuppressions());
    assertTrue(fromFile.includeSuppressed());
    assertEquals(cwd.resolve("infra/ci"), fromFile.request().review().baseline().directory());
    assertEquals(List.of("IAM901"), fromFile.rules().stream().map(r -> r.metadata().id()).toList());
    // The file's globs are relative to the file; the command line's to the working directory.
    assertTrue(fromFile.request().review().excludes(cwd.resolve("infra/examples/main.tf")));
    assertFalse(fromFile.request().review().excludes(cwd.resolve("examples/main.tf")));

    EffectiveSettings overridden = resolve(cli(FailOn.NONE, Severity.LOW, false, List.of("examples/"),
        Path.of("mine.json")), file);
    assertEquals(FailOn.NONE, overridden.failOn());
    assertEquals(Severity.LOW, overridden.request().review().minSeverity());
    assertFalse(overridden.request().review().strictSuppressions());
    assertEquals(cwd, overridden.request().review().baseline().directory());
    assertTrue(overridden.request().review().excludes(cwd.resolve("examples/main.tf")));
    assertTrue(overridden.request().review().excludes(cwd.resolve("infra/examples/main.tf")));
  }

  @Test
  void contradictionsAndMissingFilesAreOneLineErrors() throws Exception {
    var e = assertThrows(EffectiveSettings.SettingsException.class, () -> resolve(
        new EffectiveSettings.CommandLine(List.of(), List.of(), null, false, null, null, null, null, null,
            List.of("IAM901"), null, List.of("public-bucket"), null, null, null, null, null, null),
        ScanConfig.none()));
    assertEquals("no rule left to run: --rules IAM901 with --categories public-bucket select none of the rules",
        e.getMessage());
    e = assertThrows(EffectiveSettings.SettingsException.class,
        () -> resolve(cli(null, null, null, null, Path.of("nope.json")), ScanConfig.none()));
    assertEquals("--baseline: no such file: " + cwd.resolve("nope.json"), e.getMessage());
  }
}
