package dev.iamscan.scanner.cli;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.FailOn;
import dev.iamscan.scanner.ScanResult;
import dev.iamscan.scanner.Scanner;
import dev.iamscan.scanner.config.ConfigLoader;
import dev.iamscan.scanner.config.EffectiveSettings;
import dev.iamscan.scanner.config.ScanConfig;
import dev.iamscan.scanner.report.GitHubReporter;
import dev.iamscan.scanner.report.JsonReporter;
import dev.iamscan.scanner.report.JUnitReporter;
import dev.iamscan.scanner.report.MarkdownReporter;
import dev.iamscan.scanner.report.ReportFormat;
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
    exitCodeListHeading = "%nExit codes (the first that applies wins):%n",
    exitCodeList = {
        "1:findings at or above the --fail-on threshold",
        "2:usage or configuration error; with --strict-suppressions, a suppression written wrongly",
        "3:some input could not be read or parsed",
        "0:none of the above"})
final class ScanCommand implements Callable<Integer> {
  /** One more report of the same scan: {@code --report FORMAT=FILE}. */
  record ExtraReport(ReportFormat format, Path file) {}

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Files or directories to scan (default: the current directory).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Report format: sarif, text, json, github, junit, markdown (default: text).")
  ReportFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--report", paramLabel = "FORMAT=FILE",
      description = "Also write the same scan's report in FORMAT (sarif, text, json, github, junit, markdown) "
          + "to FILE; repeatable, next to --format/--output.")
  List<String> reports = new ArrayList<>();

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit with 1 when a reported finding is at least this severe: critical, high, medium, low, "
          + "none (default: low).")
  FailOn failOn;

  @Option(names = "--plan-root", paramLabel = "DIR",
      description = "The Terraform root module the scanned plan JSON was made from, when it is not beside "
          + "the plan; findings then point at its .tf lines.")
  Path planRoot;

  @Option(names = "--min-severity", paramLabel = "SEVERITY",
      description = "Report only findings at least this severe: critical, high, medium, low (default: low).")
  Severity minSeverity;

  @Option(names = "--rules", paramLabel = "ID", split = ",",
      description = "Run only these rules; repeatable or comma-separated.")
  List<String> onlyRules;

  @Option(names = "--skip-rules", paramLabel = "ID", split = ",",
      description = "Do not run these rules; repeatable or comma-separated.")
  List<String> skipRules;

  @Option(names = "--categories", paramLabel = "CATEGORY", split = ",",
      description = "Run only rules of these categories; repeatable or comma-separated.")
  List<String> categories;

  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "Leave out files matching GLOB, relative to the working directory (as 'exclude' in "
          + ".iamscan.yml); repeatable.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--changed-since", paramLabel = "REF",
      description = "Scan everything, but report only findings in files changed since git REF "
          + "(git diff REF...HEAD: since the merge base).")
  String changedSince;

  @Option(names = "--category", paramLabel = "ID",
      description = "SARIF automationDetails.id, to tell several analyses of one commit apart on GitHub.")
  String sarifCategory;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (default: .iamscan.yml in the scan root, if present).")
  Path config;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "Report only findings not recorded in this baseline (its file names are relative to "
          + "its own folder).")
  Path baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE",
      description = "Record the current findings in FILE; they are then accepted (exit 0 unless input errors).")
  Path writeBaseline;

  @Option(names = "--strict-suppressions", negatable = true,
      description = "Treat suppressions without a reason, of unknown rules, expired, with a bad date, or "
          + "suppressing nothing as errors (exit 2).")
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
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Path cwd = environment.workingDirectory();
    Path configFile = configFile(cwd);
    ScanConfig fileSettings;
    try {
      fileSettings = configFile == null ? ScanConfig.none()
          : new ConfigLoader(environment.ruleIds()).load(configFile, displayName(cwd, configFile));
    } catch (ConfigLoader.InvalidConfigException e) {
      for (String p : e.problems()) err.println("iamscan: " + p);
      err.flush();
      return IamscanCommand.USAGE;
    }
    EffectiveSettings settings;
    try {
      settings = EffectiveSettings.resolve(commandLine(), fileSettings, displayName(cwd, configFile), cwd,
          environment.catalog(), environment.clock());
    } catch (EffectiveSettings.SettingsException e) {
      throw usage(e.getMessage());
    }
    List<ExtraReport> extra = extraReports(cwd, settings.output());

    Scanner scanner = environment.scanners().create(settings.rules(), settings.limits(), w -> {
      err.println("iamscan: warning: " + w);
      err.flush();
    });
    ScanResult result;
    try {
      result = scanner.scan(settings.request(), cwd);
    } catch (NoSuchFileException e) {
      throw usage("no such file or directory: " + e.getFile());
    } catch (IOException e) {
      throw usage("cannot read the input: " + e.getMessage());
    }

    if (settings.writeBaseline() != null) {
      Path file = settings.writeBaseline();
      if (!write("--write-baseline", file, w -> result.baselineFor(file.getParent()).write(w))) {
        return IamscanCommand.USAGE;
      }
      err.println("iamscan: wrote " + result.findings().size() + " findings to baseline " + file);
    }
    if (!writeReport(settings, result)) return IamscanCommand.USAGE;
    for (ExtraReport r : extra) {
      Reporter reporter = reporter(r.format(), false, settings);
      if (!write("--report", r.file(), w -> reporter.write(result, w))) return IamscanCommand.USAGE;
    }
    err.flush();
    return exitCode(result, settings);
  }

  /** The report in the chosen format, to the output file or standard output; false when the file cannot be written. */
  private boolean writeReport(EffectiveSettings settings, ScanResult result) {
    PrintWriter err = spec.commandLine().getErr();
    Path out = settings.output();
    Reporter reporter = reporter(settings.format(), out == null && environment.colour(), settings);
    if (out == null) {
      try {
        reporter.write(result, spec.commandLine().getOut());
      } catch (IOException e) {
        err.println("iamscan: cannot write the report: " + e.getMessage());
        return false;
      }
    } else if (!write("--output", out, w -> reporter.write(result, w))) {
      return false;
    }
    // The text report ends with its summary; machine formats on stdout must stay clean, so say it here.
    if (settings.format() != ReportFormat.TEXT || out != null) {
      for (Diagnostic d : result.diagnostics()) {
        if (d.level() == Diagnostic.Level.ERROR || result.isSuppressionProblem(d)) err.println("iamscan: " + d);
      }
      err.println("iamscan: " + TextReporter.summary(result));
    }
    return true;
  }

  private Reporter reporter(ReportFormat format, boolean colour, EffectiveSettings settings) {
    Path cwd = environment.workingDirectory();
    return switch (format) {
      case SARIF -> new SarifReporter(environment.tool(), cwd, settings.sarifCategory(), settings.includeSuppressed());
      case JSON -> new JsonReporter(environment.tool());
      case GITHUB -> new GitHubReporter();
      case JUNIT -> new JUnitReporter(settings.failOn());
      case TEXT -> new TextReporter(colour);
      case MARKDOWN -> new MarkdownReporter(MarkdownReporter.SourceLinks.fromEnvironment(environment.env(), cwd),
          settings.sarifCategory());
    };
  }

  /** The --report options, checked before scanning: a known format, a writable file, no file twice. */
  private List<ExtraReport> extraReports(Path cwd, Path mainOutput) {
    List<ExtraReport> list = new ArrayList<>();
    Set<Path> files = new TreeSet<>();
    if (mainOutput != null) files.add(mainOutput.toAbsolutePath().normalize());
    for (String r : reports) {
      int eq = r.indexOf('=');
      if (eq <= 0 || eq == r.length() - 1) throw usage("--report: expected FORMAT=FILE, got '" + r + "'");
      String name = r.substring(0, eq).strip();
      ReportFormat f = Arrays.stream(ReportFormat.values()).filter(v -> v.name().equalsIgnoreCase(name)).findFirst()
          .orElseThrow(() -> usage("--report: unknown format '" + name + "' (one of: "
              + Arrays.stream(ReportFormat.values()).map(v -> v.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")) + ")"));
      Path file;
      try {
        file = EffectiveSettings.writable("--report", Path.of(r.substring(eq + 1)), cwd);
      } catch (EffectiveSettings.SettingsException e) {
        throw usage(e.getMessage());
      }
      if (!files.add(file)) throw usage("--report: " + file + " is written twice");
      list.add(new ExtraReport(f, file));
    }
    return list;
  }

  private interface Body {
    void writeTo(Writer w) throws IOException;
  }

  /** Writes a file, or says in one line why it could not be written. */
  private boolean write(String option, Path file, Body body) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.writeTo(w);
      return true;
    } catch (IOException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("iamscan: " + option + ": cannot write " + file + " (" + reason(e) + ")");
      err.flush();
      return false;
    }
  }

  static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
    if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Findings at or above the threshold (1) win over suppressions written wrongly under
   * {@code --strict-suppressions} (2), which win over unreadable input (3).
   */
  static int exitCode(ScanResult result, EffectiveSettings settings) {
    // Findings written into a new baseline are accepted, so they fail nothing.
    for (Finding f : settings.writeBaseline() == null ? result.findings() : List.<Finding>of()) {
      if (settings.failOn().fails(f)) return IamscanCommand.FINDINGS;
    }
    if (result.suppressionErrors() > 0) return IamscanCommand.USAGE;
    return result.hasErrors() ? IamscanCommand.INPUT_ERRORS : IamscanCommand.OK;
  }

  private EffectiveSettings.CommandLine commandLine() {
    return new EffectiveSettings.CommandLine(paths, varFiles, planRoot, parseOnly, format, output, sarifCategory,
        failOn, minSeverity, onlyRules, skipRules, categories, baseline, writeBaseline, strictSuppressions,
        includeSuppressed, exclude, changedSince);
  }

  /** The explicit --config, else .iamscan.yml in the first scan root or the working directory; null for none. */
  private Path configFile(Path cwd) {
    if (config != null) {
      Path file = cwd.resolve(config);
      if (!Files.isRegularFile(file)) throw usage("--config: no such file: " + file);
      return file;
    }
    List<Path> candidates = new ArrayList<>();
    if (!paths.isEmpty() && Files.isDirectory(cwd.resolve(paths.get(0)))) {
      candidates.add(cwd.resolve(paths.get(0)).resolve(ConfigLoader.FILE_NAME));
    }
    candidates.add(cwd.resolve(ConfigLoader.FILE_NAME));
    return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
  }

  static String displayName(Path cwd, Path file) {
    if (file == null) return "";
    Path abs = file.toAbsolutePath().normalize();
    Path base = cwd.toAbsolutePath().normalize();
    return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
