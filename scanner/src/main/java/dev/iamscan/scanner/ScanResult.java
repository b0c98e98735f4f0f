package dev.iamscan.scanner;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.Severity;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
 */
public record ScanResult(
    List<Finding> findings,
    List<Diagnostic> diagnostics,
    int filesScanned,
    int filesWithErrors,
    List<RuleMetadata> rules,
    List<ScanRoot> roots,
    Map<String, String> outsideBaseIds) {

  public ScanResult {
    findings = List.copyOf(findings);
    diagnostics = List.copyOf(diagnostics);
    rules = List.copyOf(rules);
    roots = List.copyOf(roots);
    outsideBaseIds = Collections.unmodifiableMap(new TreeMap<>(outsideBaseIds));
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
