package dev.iamscan.scanner;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.rules.Finding;
import dev.iamscan.scanner.baseline.Baseline;
import dev.iamscan.scanner.config.PathPatterns;
import dev.iamscan.scanner.config.ScanConfig;
import dev.iamscan.scanner.suppress.Suppression;
import dev.iamscan.scanner.suppress.SuppressionFilter;
import dev.iamscan.scanner.suppress.SuppressionReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What happens to findings between the rules and the report, in this order: excluded paths,
 * suppressions and central exceptions, the minimum severity, the baseline, and last the files a
 * change touched. Every caller of {@link Scanner#scan}, every output format and the exit code see
 * the same result.
 */
final class Review {
  private final ReviewSettings settings;
  private final Set<String> knownRules;
  private final Set<String> enabledRules;

  /**
   * @param knownRules every rule id there is (a suppression of another id is reported)
   * @param enabledRules ids of the rules that ran (a suppression of a rule that did not run is not unused)
   */
  Review(ReviewSettings settings, Set<String> knownRules, Set<String> enabledRules) {
    this.settings = settings;
    this.knownRules = knownRules;
    this.enabledRules = enabledRules;
  }

  ScanResult apply(ScanResult raw) {
    List<Finding> findings = new ArrayList<>();
    for (Finding f : raw.findings()) {
      if (!excluded(raw, f.location().file())) findings.add(f);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Diagnostic d : raw.diagnostics()) {
      if (d.file().isEmpty() || !excluded(raw, d.file())) diagnostics.add(d);
    }

    List<Suppression> suppressions = new ArrayList<>(new SuppressionReader(raw::sourceOf).read(raw.resources()));
    suppressions.removeIf(s -> excluded(raw, s.file()));
    ReviewSettings.Exceptions exceptions = settings.exceptions();
    for (ScanConfig.Exception e : exceptions.entries()) suppressions.add(exception(raw, exceptions, e));
    SuppressionFilter.Outcome filtered = new SuppressionFilter(settings.clock(), knownRules, enabledRules,
        settings.strictSuppressions()).apply(findings, suppressions);
    diagnostics.addAll(filtered.problems());
    diagnostics.sort(Scanner.DIAGNOSTIC_ORDER);

    List<Finding> reported = filtered.kept().stream()
        .filter(f -> f.severity().atLeast(settings.minSeverity())).toList();
    List<Suppressed> suppressed = filtered.suppressed().stream()
        .filter(s -> s.finding().severity().atLeast(settings.minSeverity())).toList();
    int known = 0;
    int gone = 0;
    ReviewSettings.AcceptedBaseline accepted = settings.baseline();
    if (accepted != null) {
      Function<Finding, String> names = baselineNames(raw, accepted.directory());
      // A baseline entry whose finding is now suppressed is not fixed either.
      Set<Baseline.Key> suppressedKeys = new HashSet<>();
      for (Suppressed s : filtered.suppressed()) suppressedKeys.add(Baseline.Key.of(s.finding(), names.apply(s.finding())));
      Baseline.Outcome b = accepted.baseline().apply(reported, names,
          k -> !suppressedKeys.contains(k) && inScope(raw, accepted.directory(), k));
      reported = b.fresh();
      known = b.known();
      gone = b.gone();
    }
    if (settings.onlyFiles() != null) {
      reported = reported.stream().filter(f -> changed(raw, f.location().file())).toList();
      suppressed = suppressed.stream().filter(s -> changed(raw, s.finding().location().file())).toList();
    }
    return raw.reviewed(reported, diagnostics, suppressed, known, gone, filtered.problems());
  }

  /**
   * How a baseline beside {@code directory} names a finding's file: relative to that directory, so a
   * baseline keeps its meaning whichever directory the scan runs from.
   */
  static Function<Finding, String> baselineNames(ScanResult result, Path directory) {
    Path base = directory.toAbsolutePath().normalize();
    return f -> {
      String file = f.location().file();
      Optional<Path> abs = result.sourceOf(file);
      if (abs.isEmpty()) return file;
      return base.relativize(abs.get()).toString().replace('\\', '/');
    };
  }

  /**
   * Whether this scan could have found a baseline entry again: its file lies below a scan root and is
   * not excluded, and its rule ran at a reported severity. Entries outside (another folder, a rule
   * left out) are not "fixed".
   */
  private boolean inScope(ScanResult raw, Path baselineDirectory, Baseline.Key key) {
    Path file = baselineDirectory.toAbsolutePath().normalize().resolve(key.file()).normalize();
    boolean scanned = raw.roots().stream().anyMatch(r -> r.requested().equals(file)
        || (r.requested().equals(r.directory()) && file.startsWith(r.directory())));
    if (!scanned || settings.excludes(file)) return false;
    return raw.rules().stream().anyMatch(m -> m.id().equals(key.rule()) && m.severity().atLeast(settings.minSeverity()));
  }

  private boolean excluded(ScanResult raw, String file) {
    if (settings.exclude().isEmpty()) return false;
    return raw.sourceOf(file).map(settings::excludes).orElse(false);
  }

  private boolean changed(ScanResult raw, String file) {
    return raw.sourceOf(file).map(p -> settings.onlyFiles().contains(real(p))).orElse(false);
  }

  /** Symbolic links resolved, so a working directory reached through a link still matches git's paths. */
  static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (java.io.IOException | SecurityException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private Suppression exception(ScanResult raw, ReviewSettings.Exceptions where, ScanConfig.Exception e) {
    PathPatterns path = e.path() == null ? null : new PathPatterns(List.of(e.path()));
    return new Suppression(List.of(e.rule()), e.reason(), e.until(), Suppressed.Kind.EXTERNAL, where.file(), e.line(),
        f -> (path == null || path.matches(relative(raw, where.anchor(), f.location().file())))
            && (e.resource() == null || e.resource().equals(f.resource())),
        List.of());
  }

  /** A reported file name relative to the configuration file's directory, when it lies below it. */
  private static String relative(ScanResult raw, Path anchor, String file) {
    Optional<Path> abs = raw.sourceOf(file);
    if (abs.isPresent() && abs.get().startsWith(anchor)) {
      return anchor.relativize(abs.get()).toString().replace('\\', '/');
    }
    return file;
  }
}
