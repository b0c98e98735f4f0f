package dev.iamscan.scanner.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.ScanResult;
import dev.iamscan.scanner.ToolInfo;
import java.io.IOException;
import java.io.Writer;

/** A small, stable JSON document for scripts: findings, diagnostics, summary. */
public final class JsonReporter implements Reporter {
  private final ToolInfo tool;
  private final ObjectMapper mapper = new ObjectMapper();

  public JsonReporter(ToolInfo tool) {
    this.tool = tool;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(printer);
      mapper.writeTree(g, document(result));
    }
    out.write('\n');
    out.flush();
  }

  ObjectNode document(ScanResult result) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode root = nodes.objectNode();
    root.put("tool", tool.name());
    root.put("version", tool.version());
    ArrayNode findings = root.putArray("findings");
    // One fix line per rule, not per finding: a large scan has thousands of findings of few rules.
    java.util.Map<String, String> fixes = new java.util.HashMap<>();
    for (Finding f : result.findings()) {
      ObjectNode o = findings.addObject();
      o.put("rule", f.ruleId());
      o.put("name", f.rule().name());
      o.put("category", f.rule().category().id());
      o.put("severity", f.severity().label());
      o.put("file", f.location().file());
      o.put("startLine", f.location().startLine());
      o.put("startColumn", f.location().startColumn());
      o.put("endLine", f.location().endLine());
      o.put("endColumn", f.location().endColumn());
      o.put("message", f.message());
      o.put("resource", f.resource());
      o.put("fix", fixes.computeIfAbsent(f.ruleId(), id -> RuleHelp.fix(f.rule())));
      if (!f.path().isEmpty()) {
        ArrayNode path = o.putArray("path");
        for (Finding.Related step : f.path()) {
          ObjectNode st = path.addObject();
          st.put("message", step.message());
          st.put("file", step.location().file());
          st.put("startLine", step.location().startLine());
          st.put("startColumn", step.location().startColumn());
        }
      }
    }
    ArrayNode suppressed = root.putArray("suppressed");
    for (dev.iamscan.scanner.Suppressed s : result.suppressed()) {
      Finding f = s.finding();
      ObjectNode o = suppressed.addObject();
      o.put("rule", f.ruleId());
      o.put("severity", f.severity().label());
      o.put("file", f.location().file());
      o.put("startLine", f.location().startLine());
      o.put("message", f.message());
      o.put("resource", f.resource());
      o.put("kind", s.kind().sarif());
      o.put("justification", s.justification());
    }
    ArrayNode diagnostics = root.putArray("diagnostics");
    for (Diagnostic d : result.diagnostics()) {
      ObjectNode o = diagnostics.addObject();
      o.put("level", d.level() == Diagnostic.Level.ERROR ? "error" : "warning");
      o.put("file", d.file());
      o.put("line", d.line());
      o.put("column", d.column());
      o.put("message", d.message());
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("findings", result.findings().size());
    ObjectNode by = summary.putObject("bySeverity");
    for (Severity s : new Severity[] {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW}) {
      by.put(s.label(), result.count(s));
    }
    summary.put("filesScanned", result.filesScanned());
    summary.put("filesNotScanned", result.filesWithErrors());
    summary.put("rulesRun", result.rules().size());
    summary.put("suppressed", result.suppressed().size());
    summary.put("baselined", result.baselined());
    summary.put("baselineGone", result.baselineGone());
    return root;
  }
}
