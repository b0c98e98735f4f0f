package dev.iamscan.scanner.cli;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.ScanResult;
import dev.iamscan.scanner.ScanRoot;
import dev.iamscan.scanner.Suppressed;
import dev.iamscan.scanner.baseline.Baseline;
import dev.iamscan.scanner.config.PathPatterns;
import dev.iamscan.scanner.config.ScanConfig;
import dev.iamscan.scanner.suppress.Suppression;
import dev.iamscan.scanner.suppress.SuppressionFilter;
import dev.iamscan.scanner.suppress.SuppressionReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What happens to findings between the rules and the report, in this order: per-path excludes,
 * suppressions and central exceptions, the minimum severity, the baseline. Every output format and
 * the exit code see the same result.
 */
final class ScanReview {
  /**
   * @param result the reviewed scan
   * @param suppressionProblems the diagnostics about suppressions (shown on stderr even as warnings)
   */
  record Outcome(ScanResult result, Set<Diagnostic> suppressionProblems) {
    boolean isSuppressionProblem(Diagnostic d) {
      return suppressionProblems.contains(d);
    }

    long suppressionErrors() {
      return suppressionProblems.stream().filter(d -> d.level() == Diagnostic.Level.ERROR).count();
    }
  }

  private final Path workingDirectory;
  private final Path configDirectory;
  private final ScanConfig config;
  private final Clock clock;
  private final Set<String> knownRules;
  private final Set<String> enabledRules;
  private final boolean strict;
  private final Severity minSeverity;
  private final String configName;

  ScanReview(Path workingDirectory, Path configDirectory, ScanConfig config, Clock clock, Set<String> knownRules,
      Set<String> enabledRules, boolean strict, Severity minSeverity, String configName) {
    this.workingDirectory = workingDirectory;
    this.configDirectory = configDirectory;
    this.config = config;
    this.clock = clock;
    this.knownRules = knownRules;
    this.enabledRules = enabledRules;
    this.strict = strict;
    this.minSeverity = minSeverity;
    this.configName = configName;
  }

  Outcome apply(ScanResult raw, Baseline baseline) {
    PathPatterns excluded = new PathPatterns(config.exclude());
    List<Finding> findings = new ArrayList<>();
    for (Finding f : raw.findings()) {
      if (!excluded.matches(relative(raw, f.location().file()))) findings.add(f);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Diagnostic d : raw.diagnostics()) {
      if (d.file().isEmpty() || !excluded.matches(relative(raw, d.file()))) diagnostics.add(d);
    }

    List<Suppression> suppressions = new ArrayList<>(
        new SuppressionReader(file -> source(raw, file)).read(raw.resources()));
    suppressions.removeIf(s -> excluded.matches(relative(raw, s.file())));
    for (ScanConfig.Exception e : config.exceptions()) suppressions.add(exception(raw, e));
    SuppressionFilter.Outcome filtered =
        new SuppressionFilter(clock, knownRules, enabledRules, strict).apply(findings, suppressions);
    Set<Diagnostic> problems = Collections.newSetFromMap(new IdentityHashMap<>());
    problems.addAll(filtered.problems());
    diagnostics.addAll(filtered.problems());
    diagnostics.sort(DIAGNOSTIC_ORDER);

    List<Finding> reported = filtered.kept().stream().filter(f -> f.severity().atLeast(minSeverity)).toList();
    List<Suppressed> suppressed = filtered.suppressed().stream()
        .filter(s -> s.finding().severity().atLeast(minSeverity)).toList();
    int known = 0;
    int gone = 0;
    if (baseline != null) {
      Baseline.Outcome b = baseline.apply(reported);
      reported = b.fresh();
      known = b.known();
      gone = b.gone();
    }
    return new Outcome(raw.reviewed(reported, diagnostics, suppressed, known, gone), problems);
  }

  private static final java.util.Comparator<Diagnostic> DIAGNOSTIC_ORDER = java.util.Comparator
      .comparing(Diagnostic::file)
      .thenComparingInt(Diagnostic::line)
      .thenComparingInt(Diagnostic::column)
      .thenComparing(Diagnostic::level)
      .thenComparing(Diagnostic::message);

  private Suppression exception(ScanResult raw, ScanConfig.Exception e) {
    PathPatterns path = e.path() == null ? null : new PathPatterns(List.of(e.path()));
    return new Suppression(List.of(e.rule()), e.reason(), e.until(), Suppressed.Kind.EXTERNAL, configName, e.line(),
        f -> (path == null || path.matches(relative(raw, f.location().file())))
            && (e.resource() == null || e.resource().equals(f.resource())),
        List.of());
  }

  /** A reported file name relative to the configuration file's directory, when it lies below it. */
  private String relative(ScanResult raw, String file) {
    Optional<Path> abs = source(raw, file);
    if (abs.isPresent()) {
      Path p = abs.get().toAbsolutePath().normalize();
      Path base = configDirectory.toAbsolutePath().normalize();
      if (p.startsWith(base)) return base.relativize(p).toString().replace('\\', '/');
    }
    return file;
  }

  /** The file on disk a reported name stands for. */
  private Optional<Path> source(ScanResult raw, String file) {
    if (file.isEmpty()) return Optional.empty();
    String base = raw.baseIdOf(file);
    if (base.equals(ScanRoot.SRCROOT)) return Optional.of(workingDirectory.resolve(file));
    for (ScanRoot r : raw.roots()) {
      if (r.baseId().equals(base)) return Optional.of(r.directory().resolve(file));
    }
    return Optional.empty();
  }
}
