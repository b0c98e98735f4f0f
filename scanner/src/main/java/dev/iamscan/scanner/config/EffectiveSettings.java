package dev.iamscan.scanner.config;

import dev.iamscan.model.ParserLimits;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleSettings;
import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.ChangedFiles;
import dev.iamscan.scanner.FailOn;
import dev.iamscan.scanner.ReviewSettings;
import dev.iamscan.scanner.ScanRequest;
import dev.iamscan.scanner.baseline.Baseline;
import dev.iamscan.scanner.report.ReportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything one scan runs with, decided once: the command line wins over the configuration file,
 * the file over the defaults. Paths are absolute; severities and formats are enums.
 *
 * @param request what to scan and how to review it
 * @param rules the rules that run
 * @param failOn the lowest reported severity that fails the scan
 * @param format the report format
 * @param output the report file, or null for standard output
 * @param sarifCategory SARIF {@code automationDetails.id}, or null
 * @param includeSuppressed write suppressed findings into SARIF
 * @param writeBaseline where to record the findings as a baseline, or null
 * @param limits the bounds the parsers keep within
 */
public record EffectiveSettings(ScanRequest request, List<Rule> rules, FailOn failOn, ReportFormat format,
    Path output, String sarifCategory, boolean includeSuppressed, Path writeBaseline, ParserLimits limits) {

  /** The settings cannot be used together, or name something that does not exist; the message is one line. */
  public static final class SettingsException extends Exception {
    public SettingsException(String message) {
      super(message);
    }
  }

  /**
   * What the command line says; null (or an empty list) where it says nothing. Paths are as typed,
   * relative to the working directory.
   */
  public record CommandLine(List<Path> paths, List<Path> varFiles, Path planRoot, boolean parseOnly,
      ReportFormat format, Path output, String sarifCategory, FailOn failOn, Severity minSeverity,
      List<String> rules, List<String> skipRules, List<String> categories, Path baseline, Path writeBaseline,
      Boolean strictSuppressions, Boolean includeSuppressed, List<String> exclude, String changedSince) {
    public CommandLine {
      paths = paths == null ? List.of() : List.copyOf(paths);
      varFiles = varFiles == null ? List.of() : List.copyOf(varFiles);
      exclude = exclude == null ? List.of() : List.copyOf(exclude);
      if (format == null) format = ReportFormat.TEXT;
    }
  }

  public EffectiveSettings {
    Objects.requireNonNull(request, "request");
    rules = List.copyOf(rules);
    Objects.requireNonNull(failOn, "failOn");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(limits, "limits");
  }

  /**
   * @param config the configuration file's settings ({@link ScanConfig#none()} without a file)
   * @param configName how messages name the configuration file
   * @param catalog every rule there is
   */
  public static EffectiveSettings resolve(CommandLine cli, ScanConfig config, String configName, Path cwd,
      List<Rule> catalog, Clock clock) throws SettingsException {
    Path configDir = config.directory(cwd);
    List<Path> roots = cli.paths().isEmpty() ? List.of(cwd) : cli.paths().stream().map(cwd::resolve).toList();
    for (Path p : roots) {
      if (!Files.exists(p)) throw new SettingsException("no such file or directory: " + p);
    }
    List<Path> vars = cli.varFiles().stream().map(cwd::resolve).toList();
    for (Path v : vars) {
      if (!Files.isRegularFile(v)) throw new SettingsException("--var-file: no such file: " + v);
    }
    Path planRoot = cli.planRoot() == null ? null : cwd.resolve(cli.planRoot());
    if (planRoot != null && !Files.isDirectory(planRoot)) {
      throw new SettingsException("--plan-root: not a directory: " + planRoot);
    }
    Path output = writable("--output", cli.output(), cwd);
    Path writeBaseline = writable("--write-baseline", cli.writeBaseline(), cwd);

    FailOn failOn = cli.failOn() != null ? cli.failOn()
        : config.failOn() != null ? FailOn.parse(config.failOn()) : FailOn.LOW;
    Severity minSeverity = cli.minSeverity() != null ? cli.minSeverity()
        : config.minSeverity() != null ? Severity.parse(config.minSeverity()) : Severity.LOW;
    boolean strict = first(cli.strictSuppressions(), config.strictSuppressions());
    boolean includeSuppressed = first(cli.includeSuppressed(), config.includeSuppressed());

    Set<String> known = new TreeSet<>();
    catalog.forEach(r -> known.add(r.metadata().id()));
    List<Rule> rules = select(catalog, known, cli, config, configName);
    if (rules.isEmpty() && !cli.parseOnly()) {
      throw new SettingsException("no rule left to run: " + describeSelection(cli, config, configName));
    }

    ReviewSettings.AcceptedBaseline baseline = null;
    if (writeBaseline == null) {
      if (cli.baseline() != null) {
        baseline = readBaseline("--baseline", cwd.resolve(cli.baseline()));
      } else if (config.baseline() != null) {
        baseline = readBaseline(configName + ": baseline", configDir.resolve(config.baseline()));
      }
    }
    List<ReviewSettings.PathScope> exclude = new ArrayList<>();
    if (!config.exclude().isEmpty()) exclude.add(new ReviewSettings.PathScope(configDir, config.exclude()));
    if (!cli.exclude().isEmpty()) exclude.add(new ReviewSettings.PathScope(cwd, cli.exclude()));
    Set<Path> changed = null;
    if (cli.changedSince() != null && writeBaseline != null) {
      throw new SettingsException("--changed-since and --write-baseline cannot be used together: a baseline "
          + "records the findings of every file");
    }
    if (cli.changedSince() != null) {
      try {
        // The repository of what is scanned, which need not be the one the working directory is in.
        Path first = roots.get(0);
        changed = ChangedFiles.since(cli.changedSince(), Files.isDirectory(first) ? first : first.toAbsolutePath().getParent());
      } catch (ChangedFiles.GitException e) {
        throw new SettingsException("--changed-since: " + e.getMessage());
      }
    }
    ReviewSettings review = new ReviewSettings(minSeverity, strict, exclude,
        new ReviewSettings.Exceptions(configName, configDir, config.exceptions()), baseline, known, clock, changed);
    ScanRequest request = new ScanRequest(roots, vars, cli.parseOnly(), planRoot, config.ruleSettings(), review);
    return new EffectiveSettings(request, rules, failOn, cli.format(), output, cli.sarifCategory(),
        includeSuppressed, writeBaseline, config.parserLimits());
  }

  /** The thresholds rules judge against. */
  public RuleSettings ruleSettings() {
    return request.settings();
  }

  private static boolean first(Boolean commandLine, Boolean file) {
    return commandLine != null ? commandLine : Boolean.TRUE.equals(file);
  }

  /** A report file that can be written: its folder exists, it is no folder, and it is writable. */
  public static Path writable(String option, Path file, Path cwd) throws SettingsException {
    if (file == null) return null;
    Path out = cwd.resolve(file).toAbsolutePath().normalize();
    Path parent = out.getParent();
    if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
      throw new SettingsException(option + ": not a directory: " + parent);
    }
    if (parent == null || !Files.isDirectory(parent)) {
      throw new SettingsException(option + ": directory does not exist: " + parent);
    }
    if (Files.isDirectory(out)) throw new SettingsException(option + ": is a directory: " + out);
    if (Files.exists(out) ? !Files.isWritable(out) : !Files.isWritable(parent)) {
      throw new SettingsException(option + ": cannot write " + out + " (permission denied)");
    }
    return out;
  }

  private static ReviewSettings.AcceptedBaseline readBaseline(String what, Path file) throws SettingsException {
    if (!Files.isRegularFile(file)) throw new SettingsException(what + ": no such file: " + file);
    try {
      Baseline b = Baseline.read(Files.readString(file, StandardCharsets.UTF_8));
      return new ReviewSettings.AcceptedBaseline(b, file.toAbsolutePath().normalize().getParent());
    } catch (IOException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new SettingsException(what + ": " + file + ": " + m);
    }
  }

  private static List<Rule> select(List<Rule> catalog, Set<String> known, CommandLine cli, ScanConfig config,
      String configName) throws SettingsException {
    List<String> only = trimmed(cli.rules() != null ? cli.rules() : config.rules());
    List<String> skip = trimmed(cli.skipRules() != null ? cli.skipRules() : config.skipRules());
    List<String> cats = trimmed(cli.categories() != null ? cli.categories() : config.categories());
    for (String id : concat(only, skip)) {
      // The configuration file's ids were checked with their line when it was loaded.
      if (!known.contains(id)) throw new SettingsException("unknown rule '" + id + "' (see: iamscan rules)");
    }
    Set<Category> wanted = EnumSet.noneOf(Category.class);
    for (String c : cats) {
      wanted.add(Category.fromId(c).orElseThrow(() -> new SettingsException(
          (cli.categories() != null ? "--categories" : configName + ": categories") + ": unknown category '" + c
              + "' (one of: " + Arrays.stream(Category.values()).map(Category::id)
              .collect(Collectors.joining(", ")) + ")")));
    }
    Set<String> onlyIds = new LinkedHashSet<>(only);
    Set<String> skipIds = new LinkedHashSet<>(skip);
    return catalog.stream()
        .filter(r -> wanted.isEmpty() || wanted.contains(r.metadata().category()))
        .filter(r -> onlyIds.isEmpty() || onlyIds.contains(r.metadata().id()))
        .filter(r -> !skipIds.contains(r.metadata().id()))
        .toList();
  }

  /** Which settings chose the rules, and where each was set. */
  private static String describeSelection(CommandLine cli, ScanConfig config, String configName) {
    List<String> parts = new ArrayList<>();
    part(parts, "--rules", "rules", cli.rules(), config.rules(), configName);
    part(parts, "--skip-rules", "skip-rules", cli.skipRules(), config.skipRules(), configName);
    part(parts, "--categories", "categories", cli.categories(), config.categories(), configName);
    return String.join(" with ", parts) + " select none of the rules";
  }

  private static void part(List<String> parts, String option, String key, List<String> cli, List<String> file,
      String configName) {
    if (cli != null && !cli.isEmpty()) parts.add(option + " " + String.join(",", cli));
    else if (cli == null && !file.isEmpty()) parts.add(key + ": [" + String.join(", ", file) + "] in " + configName);
  }

  private static List<String> trimmed(List<String> ids) {
    return ids.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
