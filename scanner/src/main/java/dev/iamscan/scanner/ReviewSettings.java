package dev.iamscan.scanner;

import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.baseline.Baseline;
import dev.iamscan.scanner.config.PathPatterns;
import dev.iamscan.scanner.config.ScanConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the scanner reviews what the rules found before anyone sees it: which paths are left out,
 * which central exceptions apply, the lowest severity reported, the accepted baseline, and whether
 * suppressions written wrongly are errors. In-source suppressions always apply.
 *
 * @param minSeverity findings below it are not reported
 * @param strictSuppressions report suppression problems as errors
 * @param exclude path globs whose files are not read as roots and whose findings and problems are not reported
 * @param exceptions central suppressions from a configuration file
 * @param baseline accepted findings, or null
 * @param knownRules every rule id there is, for "unknown rule" warnings; empty means the built-in catalogue
 * @param clock today's date, for suppressions that expire
 * @param onlyFiles when not null, only findings in these files (absolute, normalised) are reported
 */
public record ReviewSettings(Severity minSeverity, boolean strictSuppressions, List<PathScope> exclude,
    Exceptions exceptions, AcceptedBaseline baseline, Set<String> knownRules, Clock clock, Set<Path> onlyFiles) {

  /** No filters: every finding at any severity, in-source suppressions applied, problems as warnings. */
  public static final ReviewSettings DEFAULTS = new ReviewSettings(Severity.LOW, false, List.of(), Exceptions.NONE,
      null, Set.of(), Clock.systemDefaultZone(), null);

  /** Path globs and the directory they are relative to. */
  public static final class PathScope {
    private final Path anchor;
    private final List<String> globs;
    private final PathPatterns patterns;

    public PathScope(Path anchor, List<String> globs) {
      this.anchor = anchor.toAbsolutePath().normalize();
      this.globs = List.copyOf(globs);
      this.patterns = new PathPatterns(this.globs);
    }

    public Path anchor() {
      return anchor;
    }

    public List<String> globs() {
      return globs;
    }

    /** Whether a file on disk is covered; files outside the anchor never are. */
    public boolean covers(Path file) {
      Path abs = file.toAbsolutePath().normalize();
      if (!abs.startsWith(anchor) || abs.equals(anchor)) return false;
      return patterns.matches(anchor.relativize(abs).toString().replace('\\', '/'));
    }
  }

  /**
   * Central exceptions and where they were written.
   *
   * @param file how warnings name the configuration file
   * @param anchor the directory exception paths are relative to
   */
  public record Exceptions(String file, Path anchor, List<ScanConfig.Exception> entries) {
    public static final Exceptions NONE = new Exceptions("", Path.of(""), List.of());

    public Exceptions {
      Objects.requireNonNull(file, "file");
      anchor = anchor.toAbsolutePath().normalize();
      entries = List.copyOf(entries);
    }
  }

  /**
   * A baseline and the directory its file names are relative to.
   */
  public record AcceptedBaseline(Baseline baseline, Path directory) {
    public AcceptedBaseline {
      Objects.requireNonNull(baseline, "baseline");
      directory = directory.toAbsolutePath().normalize();
    }
  }

  public ReviewSettings {
    Objects.requireNonNull(minSeverity, "minSeverity");
    exclude = List.copyOf(exclude);
    Objects.requireNonNull(exceptions, "exceptions");
    knownRules = Set.copyOf(knownRules);
    Objects.requireNonNull(clock, "clock");
    onlyFiles = onlyFiles == null ? null : Set.copyOf(onlyFiles);
  }

  /** Whether a file or directory on disk is excluded. */
  public boolean excludes(Path file) {
    return exclude.stream().anyMatch(s -> s.covers(file));
  }
}
