package dev.iamscan.scanner.report;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.SourceRange;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.ScanResult;
import dev.iamscan.scanner.ScanRoot;
import dev.iamscan.scanner.sarif.UriPaths;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Markdown report for people reading a pull request's checks, written for GitHub's job summary
 * ({@code $GITHUB_STEP_SUMMARY}): counts by severity, a table of findings whose locations link to the
 * file at the scanned commit, and the input problems.
 *
 * <p>Paths to administrator (Mermaid pictures of how a principal reaches it) get their own section
 * after the findings once the scanner computes them; nothing is written for them before that.
 */
public final class MarkdownReporter implements Reporter {
  /** Rows written before the table is cut: GitHub takes at most 1 MiB of summary per step. */
  public static final int MAX_ROWS = 500;

  private final SourceLinks links;
  private final String category;

  /** @param links where findings link to, or null to write locations without links */
  public MarkdownReporter(SourceLinks links) {
    this(links, null);
  }

  /**
   * @param links where findings link to, or null to write locations without links
   * @param category the scan's category, named in the heading so that several scans in one job
   *     summary are told apart; null for none
   */
  public MarkdownReporter(SourceLinks links, String category) {
    this.links = links;
    this.category = category == null || category.isBlank() ? null : category.strip();
  }

  /**
   * Links to files at one commit of a repository.
   *
   * @param server the GitHub server, e.g. {@code https://github.com}
   * @param repository {@code owner/name}
   * @param commit the commit the scanned files belong to
   * @param prefix the path of the working directory inside the repository, empty or ending in {@code /}
   */
  public record SourceLinks(String server, String repository, String commit, String prefix) {
    /**
     * From the variables GitHub Actions sets ({@code GITHUB_SERVER_URL}, {@code GITHUB_REPOSITORY},
     * {@code GITHUB_SHA}, {@code GITHUB_WORKSPACE}); null when one is missing, or when the working
     * directory lies outside the workspace, since file names could not be mapped to the repository.
     */
    public static SourceLinks fromEnvironment(Map<String, String> env, Path workingDirectory) {
      String server = env.getOrDefault("GITHUB_SERVER_URL", "");
      String repository = env.getOrDefault("GITHUB_REPOSITORY", "");
      String commit = env.getOrDefault("GITHUB_SHA", "");
      if (server.isBlank() || repository.isBlank() || commit.isBlank()) return null;
      String prefix = "";
      String workspace = env.getOrDefault("GITHUB_WORKSPACE", "");
      if (!workspace.isBlank()) {
        Path ws = Path.of(workspace).toAbsolutePath().normalize();
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        if (!cwd.startsWith(ws)) return null;
        String rel = ws.relativize(cwd).toString().replace('\\', '/');
        prefix = rel.isEmpty() ? "" : rel + "/";
      }
      return new SourceLinks(server.replaceAll("/+$", ""), repository, commit, prefix);
    }

    String to(SourceRange range) {
      String lines = range.endLine() > range.startLine()
          ? "#L" + range.startLine() + "-L" + range.endLine() : "#L" + range.startLine();
      return server + "/" + repository + "/blob/" + commit + "/" + UriPaths.encodePath(prefix + range.file()) + lines;
    }
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    out.write("## iamscan" + (category == null ? "" : ": " + escape(category)) + "\n\n");
    out.write(escape(TextReporter.summary(result)) + "\n\n");
    out.write("| Severity | Findings |\n|---|---:|\n");
    Severity[] order = Severity.values();
    for (int i = order.length - 1; i >= 0; i--) {
      Severity s = order[i];
      out.write("| " + s.label() + " | " + result.count(s) + " |\n");
    }
    out.write("\n");

    if (!result.findings().isEmpty()) {
      out.write("### Findings\n\n");
      out.write("| Severity | Rule | Location | Finding |\n|---|---|---|---|\n");
      int rows = 0;
      for (Finding f : result.findings()) {
        if (rows++ == MAX_ROWS) break;
        out.write("| " + f.severity().label() + " | [" + f.ruleId() + "](" + RuleHelp.helpUri(f.rule()) + ") | "
            + location(f.location(), result) + " | " + escape(f.message()) + " |\n");
      }
      out.write("\n");
      int left = result.findings().size() - MAX_ROWS;
      if (left > 0) out.write("…and " + left + " more; the job log and the SARIF report list every finding.\n\n");
    }

    if (!result.diagnostics().isEmpty()) {
      out.write("### Input problems\n\n");
      out.write("| Level | Location | Problem |\n|---|---|---|\n");
      int rows = 0;
      for (Diagnostic d : result.diagnostics()) {
        if (rows++ == MAX_ROWS) break;
        String where = d.file().isEmpty() ? "" : location(SourceRange.at(d.file(), d.line(), d.column()), result);
        out.write("| " + (d.level() == Diagnostic.Level.ERROR ? "error" : "warning") + " | " + where + " | "
            + escape(d.message()) + " |\n");
      }
      out.write("\n");
      int left = result.diagnostics().size() - MAX_ROWS;
      if (left > 0) out.write("…and " + left + " more; the job log lists every problem.\n\n");
    }
    out.flush();
  }

  private String location(SourceRange range, ScanResult result) {
    String text = "`" + range.file().replace("`", "'") + ":" + range.startLine() + "`";
    // Files of roots outside the working directory are named relative to their root: no link.
    boolean inRepository = ScanRoot.SRCROOT.equals(result.baseIdOf(range.file()));
    text = text.replace("|", "\\|");
    return links == null || !inRepository ? text : "[" + text + "](" + links.to(range) + ")";
  }

  /** Markdown text of a table cell: punctuation that could start markup escaped, one line. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      if (c == '\r' || c == '\n') {
        b.append(' ');
      } else if ("\\`*_[]<>|~".indexOf(c) >= 0) {
        b.append('\\').append(c);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
