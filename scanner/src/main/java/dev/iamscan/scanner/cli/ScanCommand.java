package dev.iamscan.scanner.cli;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.ScanRequest;
import dev.iamscan.scanner.ScanResult;
import dev.iamscan.scanner.Scanner;
import dev.iamscan.scanner.baseline.Baseline;
import dev.iamscan.scanner.config.ConfigLoader;
import dev.iamscan.scanner.config.ScanConfig;
import dev.iamscan.scanner.report.GitHubReporter;
import dev.iamscan.scanner.report.JsonReporter;
import dev.iamscan.scanner.report.MarkdownReporter;
import dev.iamscan.scanner.report.Reporter;
import dev.iamscan.scanner.report.TextReporter;
import dev.iamscan.scanner.sarif.SarifReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scan", sortOptions = false,
    description = "Scans Terraform modules and CloudFormation templates for IAM mistakes.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:no finding at or above the --fail-on threshold",
        "1:findings at or above the threshold",
        "2:usage or configuration error (with --strict-suppressions: a suppression written wrongly)",
        "3:some input could not be read or parsed, and no finding at or above the threshold"})
final class ScanCommand implements Callable<Integer> {
  enum Format { SARIF, TEXT, JSON, GITHUB, MARKDOWN }

  /** One more report of the same scan: {@code --report FORMAT=FILE}. */
  record ExtraReport(Format format, Path file) {}

  /** The lowest severity that fails the scan; NONE never fails on findings. */
  enum FailOn {
    CRITICAL(Severity.CRITICAL), HIGH(Severity.HIGH), MEDIUM(Severity.MEDIUM), LOW(Severity.LOW), NONE(null);

    final Severity threshold;

    FailOn(Severity threshold) {
      this.threshold = threshold;
    }
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Files or directories to scan (default: the current directory).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--report", paramLabel = "FORMAT=FILE",
      description = "Also write the same scan's report in FORMAT (sarif, text, json, github, markdown) to FILE; "
          + "repeatable, next to --format/--output.")
  List<String> reports = new ArrayList<>();

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit with 1 when a reported finding is at least this severe: ${COMPLETION-CANDIDATES} "
          + "(default: low).")
  FailOn failOn;

  @Option(names = "--plan-root", paramLabel = "DIR",
      description = "The Terraform root module the scanned plan JSON was made from, when it is not beside "
          + "the plan; findings then point at its .tf lines.")
  Path planRoot;

  @Option(names = "--min-severity", paramLabel = "SEVERITY",
      description = "Report only findings at least this severe: critical, high, medium, low (default: low).")
  String minSeverity;

  @Option(names = "--rules", paramLabel = "ID", split = ",",
      description = "Run only these rules; repeatable or comma-separated.")
  List<String> onlyRules;

  @Option(names = "--skip-rules", paramLabel = "ID", split = ",",
      description = "Do not run these rules; repeatable or comma-separated.")
  List<String> skipRules;

  @Option(names = "--categories", paramLabel = "CATEGORY", split = ",",
      description = "Run only rules of these categories; repeatable or comma-separated.")
  List<String> categories;

  @Option(names = "--category", paramLabel = "ID",
      description = "SARIF automationDetails.id, to tell several analyses of one commit apart on GitHub.")
  String sarifCategory;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (default: .iamscan.yml in the scan root, if present).")
  Path config;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "Report only findings not recorded in this baseline.")
  Path baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE",
      description = "Record the current findings in FILE; they are then accepted (exit 0 unless input errors).")
  Path writeBaseline;

  @Option(names = "--strict-suppressions", negatable = true,
      description = "Treat suppressions without a reason, of unknown rules, expired, or suppressing nothing "
          + "as errors (exit 2).")
  Boolean strictSuppressions;

  @Option(names = "--include-suppressed", negatable = true,
      description = "Write suppressed findings into SARIF with their suppressions (GitHub ignores them, so "
          + "they are left out by default).")
  Boolean includeSuppressed;

  @Option(names = "--var-file", paramLabel = "FILE",
      description = "Terraform variable file applied to every module; repeatable.")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "--parse-only", hidden = true,
      description = "Parse and report input problems without running rules (benchmarks).")
  boolean parseOnly;

  private final CliEnvironment environment;

  ScanCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Path cwd = environment.workingDirectory();
    List<Path> roots = paths.isEmpty() ? List.of(cwd) : paths.stream().map(cwd::resolve).toList();
    for (Path p : roots) {
      if (!Files.exists(p)) throw usage("no such file or directory: " + p);
    }
    List<Path> vars = varFiles.stream().map(cwd::resolve).toList();
    for (Path v : vars) {
      if (!Files.isRegularFile(v)) throw usage("--var-file: no such file: " + v);
    }
    Path plans = planRoot == null ? null : cwd.resolve(planRoot);
    if (plans != null && !Files.isDirectory(plans)) throw usage("--plan-root: not a directory: " + plans);
    Path out = output == null ? null : cwd.resolve(output);
    if (out != null && (out.getParent() == null || !Files.isDirectory(out.getParent()))) {
      throw usage("--output: directory does not exist: " + out.getParent());
    }
    List<ExtraReport> extra = extraReports(cwd, out);
    ScanConfig settings = loadConfig(cwd, roots, err);
    if (settings == null) return IamscanCommand.USAGE;
    Path configDir = settings.directory(cwd);

    FailOn threshold = failOn != null ? failOn
        : settings.failOn() != null ? FailOn.valueOf(settings.failOn().toUpperCase(Locale.ROOT)) : FailOn.LOW;
    Severity lowest = severity("--min-severity", minSeverity != null ? minSeverity
        : settings.minSeverity() != null ? settings.minSeverity() : "low");
    boolean strict = strictSuppressions != null ? strictSuppressions
        : Boolean.TRUE.equals(settings.strictSuppressions());
    boolean withSuppressed = includeSuppressed != null ? includeSuppressed
        : Boolean.TRUE.equals(settings.includeSuppressed());
    Path baselineFile = baseline != null ? cwd.resolve(baseline)
        : settings.baseline() != null ? configDir.resolve(settings.baseline()) : null;
    Baseline accepted = null;
    if (baselineFile != null && writeBaseline == null) {
      if (!Files.isRegularFile(baselineFile)) throw usage("--baseline: no such file: " + baselineFile);
      try {
        accepted = Baseline.read(Files.readString(baselineFile, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw usage("--baseline: " + baselineFile + ": " + e.getMessage());
      }
    }
    Path baselineOut = writeBaseline == null ? null : cwd.resolve(writeBaseline);
    if (baselineOut != null && (baselineOut.getParent() == null || !Files.isDirectory(baselineOut.getParent()))) {
      throw usage("--write-baseline: directory does not exist: " + baselineOut.getParent());
    }

    List<Rule> rules = enabledRules(
        onlyRules != null ? onlyRules : settings.rules(),
        skipRules != null ? skipRules : settings.skipRules(),
        categories != null ? categories : settings.categories());

    Scanner scanner = environment.scanners().create(rules, settings.parserLimits(), w -> {
      err.println("iamscan: warning: " + w);
      err.flush();
    });
    ScanResult raw;
    try {
      raw = scanner.scan(new ScanRequest(roots, vars, parseOnly, plans, settings.ruleSettings()), cwd);
    } catch (NoSuchFileException e) {
      throw usage("no such file or directory: " + e.getFile());
    }

    Set<String> known = new TreeSet<>();
    environment.catalog().forEach(r -> known.add(r.metadata().id()));
    Set<String> enabled = new TreeSet<>();
    rules.forEach(r -> enabled.add(r.metadata().id()));
    ScanReview review = new ScanReview(cwd, configDir, settings, environment.clock(), known, enabled, strict, lowest,
        displayName(cwd, settings.file()));
    ScanReview.Outcome reviewed = review.apply(raw, baselineOut == null ? accepted : null);
    ScanResult result = reviewed.result();

    if (baselineOut != null) {
      try (Writer w = Files.newBufferedWriter(baselineOut, StandardCharsets.UTF_8)) {
        Baseline.of(result.findings()).write(w);
      }
      err.println("iamscan: wrote " + result.findings().size() + " findings to baseline " + baselineOut);
    }

    Reporter reporter = reporter(format, out == null && environment.colour(), cwd, withSuppressed);
    if (out == null) {
      reporter.write(result, spec.commandLine().getOut());
    } else {
      writeReport(reporter, result, out);
    }
    for (ExtraReport r : extra) writeReport(reporter(r.format(), false, cwd, withSuppressed), result, r.file());
    // The text report ends with its summary; machine formats on stdout must stay clean, so say it here.
    if (format != Format.TEXT || out != null) {
      for (Diagnostic d : result.diagnostics()) {
        if (d.level() == Diagnostic.Level.ERROR || reviewed.isSuppressionProblem(d)) err.println("iamscan: " + d);
      }
      err.println("iamscan: " + TextReporter.summary(result));
    }
    err.flush();
    if (reviewed.suppressionErrors() > 0 && exitCode(result, threshold) != IamscanCommand.FINDINGS) {
      return IamscanCommand.USAGE;
    }
    if (baselineOut != null) return result.hasErrors() ? IamscanCommand.INPUT_ERRORS : IamscanCommand.OK;
    return exitCode(result, threshold);
  }

  private Reporter reporter(Format f, boolean colour, Path cwd, boolean withSuppressed) {
    return switch (f) {
      case SARIF -> new SarifReporter(environment.tool(), cwd, sarifCategory, withSuppressed);
      case JSON -> new JsonReporter(environment.tool());
      case GITHUB -> new GitHubReporter();
      case TEXT -> new TextReporter(colour);
      case MARKDOWN -> new MarkdownReporter(MarkdownReporter.SourceLinks.fromEnvironment(environment.env(), cwd),
          sarifCategory);
    };
  }

  private static void writeReport(Reporter reporter, ScanResult result, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      reporter.write(result, w);
    }
  }

  /** The --report options, checked before scanning: a known format, a writable place, no file twice. */
  private List<ExtraReport> extraReports(Path cwd, Path mainOutput) {
    List<ExtraReport> list = new ArrayList<>();
    Set<Path> files = new TreeSet<>();
    if (mainOutput != null) files.add(mainOutput.toAbsolutePath().normalize());
    for (String r : reports) {
      int eq = r.indexOf('=');
      if (eq <= 0 || eq == r.length() - 1) throw usage("--report: expected FORMAT=FILE, got '" + r + "'");
      String name = r.substring(0, eq).strip();
      Format f = Arrays.stream(Format.values()).filter(v -> v.name().equalsIgnoreCase(name)).findFirst()
          .orElseThrow(() -> usage("--report: unknown format '" + name + "' (one of: "
              + Arrays.stream(Format.values()).map(v -> v.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")) + ")"));
      Path file = cwd.resolve(r.substring(eq + 1));
      if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
        throw usage("--report: directory does not exist: " + file.getParent());
      }
      if (!files.add(file.toAbsolutePath().normalize())) throw usage("--report: " + file + " is written twice");
      list.add(new ExtraReport(f, file));
    }
    return list;
  }

  static int exitCode(ScanResult result, FailOn failOn) {
    if (failOn.threshold != null) {
      for (Finding f : result.findings()) {
        if (f.severity().atLeast(failOn.threshold)) return IamscanCommand.FINDINGS;
      }
    }
    return result.hasErrors() ? IamscanCommand.INPUT_ERRORS : IamscanCommand.OK;
  }

  /** The explicit --config, else .iamscan.yml in the first scan root or the working directory; null on error. */
  private ScanConfig loadConfig(Path cwd, List<Path> roots, PrintWriter err) {
    Path file = null;
    if (config != null) {
      file = cwd.resolve(config);
      if (!Files.isRegularFile(file)) throw usage("--config: no such file: " + file);
    } else {
      List<Path> candidates = new ArrayList<>();
      if (Files.isDirectory(roots.get(0))) candidates.add(roots.get(0).resolve(ConfigLoader.FILE_NAME));
      candidates.add(cwd.resolve(ConfigLoader.FILE_NAME));
      for (Path c : candidates) {
        if (Files.isRegularFile(c)) {
          file = c;
          break;
        }
      }
    }
    if (file == null) return ScanConfig.none();
    try {
      return new ConfigLoader().load(file, displayName(cwd, file));
    } catch (ConfigLoader.InvalidConfigException e) {
      for (String p : e.problems()) err.println("iamscan: " + p);
      err.flush();
      return null;
    }
  }

  static String displayName(Path cwd, Path file) {
    if (file == null) return "";
    Path abs = file.toAbsolutePath().normalize();
    Path base = cwd.toAbsolutePath().normalize();
    return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
  }

  private Severity severity(String option, String value) {
    try {
      return Severity.parse(value);
    } catch (IllegalArgumentException e) {
      throw usage(option + ": unknown severity '" + value + "' (one of: critical, high, medium, low)");
    }
  }

  private List<Rule> enabledRules(List<String> only, List<String> skip, List<String> cats) {
    Set<String> known = new TreeSet<>();
    environment.catalog().forEach(r -> known.add(r.metadata().id()));
    for (String id : concat(only, skip)) {
      if (!known.contains(id.trim())) {
        throw usage("unknown rule '" + id + "' (see: iamscan rules)");
      }
    }
    Set<Category> wanted = EnumSet.noneOf(Category.class);
    for (String c : cats) {
      wanted.add(Category.fromId(c.trim()).orElseThrow(() -> usage("--categories: unknown category '" + c
          + "' (one of: " + Arrays.stream(Category.values()).map(Category::id)
              .collect(Collectors.joining(", ")) + ")")));
    }
    Set<String> onlyIds = only.stream().map(String::trim).collect(Collectors.toSet());
    Set<String> skipIds = skip.stream().map(String::trim).collect(Collectors.toSet());
    return environment.catalog().stream()
        .filter(r -> wanted.isEmpty() || wanted.contains(r.metadata().category()))
        .filter(r -> onlyIds.isEmpty() || onlyIds.contains(r.metadata().id()))
        .filter(r -> !skipIds.contains(r.metadata().id()))
        .toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
