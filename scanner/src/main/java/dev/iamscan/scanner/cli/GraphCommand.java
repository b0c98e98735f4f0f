package dev.iamscan.scanner.cli;

import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.graph.EscalationPathRule;
import dev.iamscan.rules.graph.PrincipalGraph;
import dev.iamscan.scanner.ScanRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code iamscan graph [PATH]}: the principals that can reach administrator and the edges on their paths. */
@Command(name = "graph", description = "Prints who can become administrator, and how, as a Mermaid or Graphviz DOT graph.")
final class GraphCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(arity = "0..1", paramLabel = "PATH", description = "Directory or file to read (default: .)")
  Path path;

  @CommandLine.Option(names = "--format", defaultValue = "mermaid", description = "mermaid or dot (default: mermaid)")
  String format;

  private final CliEnvironment environment;

  GraphCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  /** Reads the principal graph of the scan instead of reporting findings. */
  private static final class GraphCapture implements Rule {
    volatile List<PrincipalGraph.Edge> edges = List.of();

    @Override
    public RuleMetadata metadata() {
      return new EscalationPathRule().metadata();
    }

    @Override
    public void check(ScanContext context, FindingSink sink) {
      edges = PrincipalGraph.of(context.iam(), context.state()).pathEdges();
    }
  }

  @Override
  public Integer call() throws IOException {
    if (!format.equals("mermaid") && !format.equals("dot")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--format must be mermaid or dot, not " + format);
    }
    PrintWriter err = spec.commandLine().getErr();
    GraphCapture capture = new GraphCapture();
    Path cwd = environment.workingDirectory();
    Path root = cwd.resolve(path != null ? path : Path.of("."));
    dev.iamscan.scanner.ScanResult result;
    try {
      result = environment.scanners().create(List.of(capture), dev.iamscan.model.ParserLimits.DEFAULTS, err::println)
          .scan(new ScanRequest(List.of(root), List.of(), false), cwd);
    } catch (NoSuchFileException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), root + ": no such file or directory");
    }
    // What could not be read is said, as scan says it: a graph without it may miss paths.
    for (dev.iamscan.model.Diagnostic d : result.diagnostics()) {
      String where = d.file().isEmpty() ? "iamscan" : d.file() + ":" + d.line() + ":" + d.column();
      err.println(where + "  " + (d.level() == dev.iamscan.model.Diagnostic.Level.ERROR ? "error" : "warning") + "  "
          + d.message());
    }
    if (capture.edges.isEmpty()) {
      // An empty picture alone reads like a failure; say what it means.
      err.println("iamscan: no principal of the scan is, or can become, administrator");
    }
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    out.print(format.equals("dot") ? dot(capture.edges) : mermaid(capture.edges));
    out.flush();
    return result.hasErrors() ? IamscanCommand.INPUT_ERRORS : IamscanCommand.OK;
  }

  static String mermaid(List<PrincipalGraph.Edge> edges) {
    Map<String, String> ids = nodeIds(edges);
    StringBuilder sb = new StringBuilder("flowchart LR\n");
    ids.forEach((name, id) -> sb.append("  ").append(id)
        .append(name.equals("administrator") ? "([\"administrator\"])" : "[\"" + mermaidText(name) + "\"]").append('\n'));
    for (PrincipalGraph.Edge e : edges) {
      sb.append("  ").append(ids.get(e.from())).append(" -->|\"").append(mermaidText(e.label())).append("\"| ")
          .append(ids.get(e.to())).append('\n');
    }
    return sb.toString();
  }

  static String dot(List<PrincipalGraph.Edge> edges) {
    StringBuilder sb = new StringBuilder("digraph iamscan {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
    sb.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    if (edges.stream().anyMatch(e -> e.to().equals("administrator"))) {
      sb.append("  \"administrator\" [shape=doubleoctagon, color=red];\n");
    }
    for (PrincipalGraph.Edge e : edges) {
      sb.append("  \"").append(dotText(e.from())).append("\" -> \"").append(dotText(e.to())).append("\" [label=\"")
          .append(dotText(wrap(e.label()))).append("\"];\n");
    }
    return sb.append("}\n").toString();
  }

  private static Map<String, String> nodeIds(List<PrincipalGraph.Edge> edges) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (PrincipalGraph.Edge e : edges) {
      for (String n : new String[] {e.from(), e.to()}) ids.computeIfAbsent(n, k -> "n" + ids.size());
    }
    return ids;
  }

  private static String mermaidText(String s) {
    return s.replace("\"", "#quot;").replace("|", "#124;").replace("\n", " ");
  }

  private static String dotText(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** Long edge labels on several lines, so the picture stays readable. */
  private static String wrap(String s) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : s.split(" ")) {
      if (line.length() > 0 && line.length() + word.length() > 40) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) line.append(' ');
      line.append(word);
    }
    lines.add(line.toString());
    return String.join("\n", lines);
  }
}
