package dev.iamscan.scanner.cli;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.ScanRequest;
import dev.iamscan.scanner.ScanResult;
import dev.iamscan.scanner.Scanner;
import dev.iamscan.scanner.report.JsonReporter;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
        "2:usage or configuration error",
        "3:some input could not be read or parsed, and no finding at or above the threshold"})
final class ScanCommand implements Callable<Integer> {
  enum Format { SARIF, TEXT, JSON }

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

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "low",
      description = "Exit with 1 when a finding is at least this severe: ${COMPLETION-CANDIDATES} "
          + "(default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(names = "--plan-root", paramLabel = "DIR",
      description = "The Terraform root module the scanned plan JSON was made from, when it is not beside "
          + "the plan; findings then point at its .tf lines.")
  Path planRoot;

  @Option(names = "--var-file", paramLabel = "FILE",
      description = "Terraform variable file applied to every module; repeatable.")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "--category", paramLabel = "CATEGORY", split = ",",
      description = "Run only rules of these categories; repeatable or comma-separated.")
  List<String> categories = new ArrayList<>();

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
    List<Rule> rules = enabledRules();

    Scanner scanner = environment.scanners().create(rules, w -> {
      err.println("iamscan: warning: " + w);
      err.flush();
    });
    ScanResult result;
    try {
      result = scanner.scan(new ScanRequest(roots, vars, parseOnly, plans), cwd);
    } catch (NoSuchFileException e) {
      throw usage("no such file or directory: " + e.getFile());
    }

    Reporter reporter = switch (format) {
      case SARIF -> new SarifReporter(environment.tool(), cwd);
      case JSON -> new JsonReporter(environment.tool());
      case TEXT -> new TextReporter(out == null && environment.colour());
    };
    if (out == null) {
      reporter.write(result, spec.commandLine().getOut());
    } else {
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        reporter.write(result, w);
      }
    }
    // The text report ends with its summary; machine formats on stdout must stay clean, so say it here.
    if (format != Format.TEXT || out != null) {
      for (Diagnostic d : result.diagnostics()) {
        if (d.level() == Diagnostic.Level.ERROR) err.println("iamscan: " + d);
      }
      err.println("iamscan: " + TextReporter.summary(result));
    }
    err.flush();
    return exitCode(result, failOn);
  }

  static int exitCode(ScanResult result, FailOn failOn) {
    if (failOn.threshold != null) {
      for (Finding f : result.findings()) {
        if (f.severity().atLeast(failOn.threshold)) return IamscanCommand.FINDINGS;
      }
    }
    return result.hasErrors() ? IamscanCommand.INPUT_ERRORS : IamscanCommand.OK;
  }

  private List<Rule> enabledRules() {
    if (categories.isEmpty()) return environment.catalog();
    Set<Category> wanted = EnumSet.noneOf(Category.class);
    for (String c : categories) {
      wanted.add(Category.fromId(c.trim()).orElseThrow(() -> usage("--category: unknown category '" + c
          + "' (one of: " + java.util.Arrays.stream(Category.values()).map(Category::id)
              .collect(Collectors.joining(", ")) + ")")));
    }
    return environment.catalog().stream().filter(r -> wanted.contains(r.metadata().category())).toList();
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
