package dev.iamscan.scanner.report;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.rules.Finding;
import dev.iamscan.scanner.ScanResult;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...,title=...::message}), which the
 * runner turns into annotations on the pull request: for repositories without code scanning.
 */
public final class GitHubReporter implements Reporter {
  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    for (Finding f : result.findings()) {
      String command = switch (f.severity()) {
        case CRITICAL, HIGH -> "error";
        case MEDIUM -> "warning";
        case LOW -> "notice";
      };
      var loc = f.location();
      out.write("::" + command + " file=" + property(loc.file()) + ",line=" + loc.startLine()
          + ",endLine=" + loc.endLine() + ",col=" + loc.startColumn()
          + ",title=" + property(f.ruleId() + " " + f.rule().summary()) + "::"
          + data(f.message() + " (" + f.severity().label() + "). Fix: " + RuleHelp.fix(f.rule())) + "\n");
    }
    for (Diagnostic d : result.diagnostics()) {
      String command = d.level() == Diagnostic.Level.ERROR ? "error" : "warning";
      String where = d.file().isEmpty() ? "" : " file=" + property(d.file()) + ",line=" + d.line() + ",col=" + d.column()
          + ",";
      out.write("::" + command + (where.isEmpty() ? " " : where) + "title=iamscan::" + data(d.message()) + "\n");
    }
    out.write(TextReporter.summary(result) + "\n");
    out.flush();
  }

  /** Escaping of a command's message, as the runner's toolkit does it. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escaping of a property value: also the separators of the property list. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
