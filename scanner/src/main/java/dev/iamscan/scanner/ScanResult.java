package dev.iamscan.scanner;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.Resource;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.Severity;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a scan found.
 *
 * @param findings sorted with {@link dev.iamscan.rules.RuleEngine#ORDER}
 * @param diagnostics problems with the input, sorted by file, line, column
 * @param filesScanned files the parsers read
 * @param filesWithErrors files with at least one ERROR diagnostic (not, or not fully, scanned)
 * @param rules the rules that ran, sorted by id
 * @param roots the scan roots, for naming files in reports
 * @param outsideBaseIds for files of roots outside the working directory, their SARIF base id
 * @param resources the resources the rules saw (suppressions are read from them)
 * @param suppressed findings left out of {@code findings} by a suppression or an exception, in order
 * @param baselined findings left out because the baseline already holds them
 * @param baselineGone baseline entries no finding matched any more (fixed, or removed)
 * @param suppressionProblems the diagnostics about suppressions and exceptions themselves (also in
 *     {@code diagnostics}); shown even as warnings, and errors under {@code --strict-suppressions}
 * @param workingDirectory what file names relative to {@link ScanRoot#SRCROOT} are relative to
 */
public record ScanResult(
    List<Finding> findings,
    List<Diagnostic> diagnostics,
    int filesScanned,
    int filesWithErrors,
    List<RuleMetadata> rules,
    List<ScanRoot> roots,
    Map<String, String> outsideBaseIds,
    List<Resource> resources,
    List<Suppressed> suppressed,
    int baselined,
    int baselineGone,
    List<Diagnostic> suppressionProblems,
    Path workingDirectory) {

  public ScanResult {
    findings = List.copyOf(findings);
    diagnostics = List.copyOf(diagnostics);
    rules = List.copyOf(rules);
    roots = List.copyOf(roots);
    outsideBaseIds = Collections.unmodifiableMap(new TreeMap<>(outsideBaseIds));
    resources = List.copyOf(resources);
    suppressed = List.copyOf(suppressed);
    suppressionProblems = List.copyOf(suppressionProblems);
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /** The same scan with what review (suppressions, filters, baseline) kept and set aside. */
  ScanResult reviewed(List<Finding> kept, List<Diagnostic> allDiagnostics, List<Suppressed> setAside,
      int inBaseline, int goneFromBaseline, List<Diagnostic> problems) {
    return new ScanResult(kept, allDiagnostics, filesScanned, filesWithErrors, rules, roots, outsideBaseIds,
        resources, setAside, inBaseline, goneFromBaseline, problems, workingDirectory);
  }

  /** Whether a diagnostic is about a suppression or exception rather than the input. */
  public boolean isSuppressionProblem(Diagnostic d) {
    return suppressionProblems.contains(d);
  }

  /** Suppression problems reported as errors ({@code --strict-suppressions}). */
  public long suppressionErrors() {
    return suppressionProblems.stream().filter(d -> d.level() == Diagnostic.Level.ERROR).count();
  }

  /** These findings as a baseline written into {@code directory}: file names relative to it. */
  public dev.iamscan.scanner.baseline.Baseline baselineFor(Path directory) {
    return dev.iamscan.scanner.baseline.Baseline.of(findings, Review.baselineNames(this, directory));
  }

  /** The file on disk a reported file name stands for. */
  public Optional<Path> sourceOf(String file) {
    if (file.isEmpty()) return Optional.empty();
    String base = baseIdOf(file);
    if (base.equals(ScanRoot.SRCROOT)) return Optional.of(workingDirectory.resolve(file).normalize());
    for (ScanRoot r : roots) {
      if (r.baseId().equals(base)) return Optional.of(r.directory().resolve(file).normalize());
    }
    return Optional.empty();
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.level() == Diagnostic.Level.ERROR);
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** The SARIF base id a reported file name is relative to. */
  public String baseIdOf(String file) {
    return outsideBaseIds.getOrDefault(file, ScanRoot.SRCROOT);
  }
}
