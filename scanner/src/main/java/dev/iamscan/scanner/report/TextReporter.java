package dev.iamscan.scanner.report;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** Findings for a terminal: one line each with its fix below, then warnings and a summary. */
public final class TextReporter implements Reporter {
  private static final String RESET = "\u001b[0m";

  private final boolean colour;

  /** @param colour whether to use ANSI colours (a terminal, and NO_COLOR not set) */
  public TextReporter(boolean colour) {
    this.colour = colour;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    // One fix line per rule, not per finding: a large scan has thousands of findings of few rules.
    java.util.Map<String, String> fixes = new java.util.HashMap<>();
    for (Finding f : result.findings()) {
      var loc = f.location();
      out.write(loc.file() + ":" + loc.startLine() + ":" + loc.startColumn() + "  "
          + paint(severityCode(f.severity()), pad(f.severity().name())) + "  " + f.ruleId() + "  "
          + f.message() + "\n");
      int n = 1;
      for (Finding.Related step : f.path()) {
        out.write("    " + n++ + ". " + step.location().file() + ":" + step.location().startLine() + "  " + step.message() + "\n");
      }
      out.write("    " + paint("\u001b[2m", "fix: " + fixes.computeIfAbsent(f.ruleId(), id -> RuleHelp.fix(f.rule()))) + "\n");
    }
    for (Diagnostic d : result.diagnostics()) {
      String where = d.file().isEmpty() ? "iamscan" : d.file() + ":" + d.line() + ":" + d.column();
      String label = d.level() == Diagnostic.Level.ERROR ? "error" : "warning";
      out.write(where + "  " + paint(d.level() == Diagnostic.Level.ERROR ? "\u001b[31m" : "\u001b[33m", label)
          + "  " + d.message() + "\n");
    }
    if (!result.findings().isEmpty() || !result.diagnostics().isEmpty()) out.write("\n");
    out.write(summary(result) + "\n");
    out.flush();
  }

  /** {@code 3 findings (1 critical, 2 high, 0 medium, 0 low); 12 files scanned, 1 not scanned}. */
  public static String summary(ScanResult result) {
    int n = result.findings().size();
    return n + (n == 1 ? " finding" : " findings") + " ("
        + result.count(Severity.CRITICAL) + " critical, "
        + result.count(Severity.HIGH) + " high, "
        + result.count(Severity.MEDIUM) + " medium, "
        + result.count(Severity.LOW) + " low); "
        + result.filesScanned() + (result.filesScanned() == 1 ? " file" : " files") + " scanned, "
        + result.filesWithErrors() + " not scanned"
        + (result.suppressed().isEmpty() ? "" : "; " + result.suppressed().size() + " suppressed")
        + (result.baselined() == 0 && result.baselineGone() == 0 ? ""
            : "; " + result.baselined() + " in baseline, " + result.baselineGone() + " fixed since baseline");
  }

  private static String pad(String s) {
    return String.format(Locale.ROOT, "%-8s", s);
  }

  private static String severityCode(Severity s) {
    return switch (s) {
      case CRITICAL -> "\u001b[1;31m";
      case HIGH -> "\u001b[31m";
      case MEDIUM -> "\u001b[33m";
      case LOW -> "\u001b[36m";
    };
  }

  private String paint(String code, String text) {
    return colour ? code + text + RESET : text;
  }
}
