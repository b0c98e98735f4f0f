package dev.iamscan.scanner.sarif;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.SourceRange;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.RuleEngine;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.scanner.Suppressed;
import dev.iamscan.scanner.ScanResult;
import dev.iamscan.scanner.ScanRoot;
import dev.iamscan.scanner.ToolInfo;
import dev.iamscan.scanner.baseline.Baseline;
import dev.iamscan.scanner.report.Reporter;
import dev.iamscan.scanner.report.RuleHelp;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, every enabled rule described once, results
 * with relative URIs against {@code %SRCROOT%}, input problems as tool execution notifications. Each
 * result carries a {@code partialFingerprints} entry made from its baseline key (never its line); no
 * timestamps, so two scans of the same tree give the same bytes.
 */
public final class SarifReporter implements Reporter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  /** The {@code partialFingerprints} key; the version changes if the key's recipe ever does. */
  public static final String FINGERPRINT = "iamscan/v1";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ToolInfo tool;
  private final Path workingDirectory;
  private final String category;
  private final boolean includeSuppressed;
  private final ObjectMapper mapper = new ObjectMapper();

  public SarifReporter(ToolInfo tool, Path workingDirectory) {
    this(tool, workingDirectory, null, false);
  }

  /**
   * @param category the code scanning category, written as {@code automationDetails.id} in the
   *     {@code category/} form GitHub documents (so several analyses of one commit stay apart); null
   *     for none
   * @param includeSuppressed write suppressed findings with their {@code suppressions}; GitHub ignores
   *     that property and would show them as open alerts, so they are left out by default
   */
  public SarifReporter(ToolInfo tool, Path workingDirectory, String category, boolean includeSuppressed) {
    this.tool = tool;
    this.workingDirectory = workingDirectory;
    this.category = category;
    this.includeSuppressed = includeSuppressed;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    // A fixed "\n" indenter: the default one uses the platform line separator.
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
    ObjectNode root = NODES.objectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();

    ObjectNode driver = run.putObject("tool").putObject("driver");
    String automationId = automationId(category);
    if (automationId != null) run.putObject("automationDetails").put("id", automationId);
    driver.put("name", tool.name());
    driver.put("semanticVersion", tool.version());
    driver.put("informationUri", tool.informationUri());
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (RuleMetadata rule : result.rules()) {
      ruleIndex.put(rule.id(), rules.size());
      rules.add(rule(rule));
    }
    List<Finding> reported = new ArrayList<>(result.findings());
    Map<Finding, Suppressed> suppressions = new IdentityHashMap<>();
    if (includeSuppressed) {
      for (Suppressed s : result.suppressed()) {
        reported.add(s.finding());
        suppressions.put(s.finding(), s);
      }
      reported.sort(RuleEngine.ORDER);
    }
    // A finding of a rule not listed (cannot happen through Scanner) still gets described.
    for (Finding f : reported) {
      if (!ruleIndex.containsKey(f.ruleId())) {
        ruleIndex.put(f.ruleId(), rules.size());
        rules.add(rule(f.rule()));
      }
    }

    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", !result.hasErrors());
    if (!result.diagnostics().isEmpty()) {
      ArrayNode notes = invocation.putArray("toolExecutionNotifications");
      for (Diagnostic d : result.diagnostics()) notes.add(notification(d, result));
    }

    ObjectNode bases = run.putObject("originalUriBaseIds");
    bases.putObject(ScanRoot.SRCROOT).put("uri", UriPaths.directoryUri(workingDirectory));
    for (ScanRoot r : result.roots()) {
      if (!r.insideWorkingDirectory() && !bases.has(r.baseId())) {
        bases.putObject(r.baseId()).put("uri", UriPaths.directoryUri(r.directory()));
      }
    }

    ArrayNode results = run.putArray("results");
    // Equal keys (the same value flagged twice in one resource) are told apart by their order.
    Map<String, Integer> occurrences = new HashMap<>();
    for (Finding f : reported) {
      ObjectNode r = result(f, ruleIndex.get(f.ruleId()), result);
      // The baseline's key, with the file as this report names it.
      String key = Baseline.Key.of(f, f.location().file()).fingerprint();
      int n = occurrences.merge(key, 1, Integer::sum);
      r.putObject("partialFingerprints").put(FINGERPRINT, key + ":" + n);
      Suppressed s = suppressions.get(f);
      if (s != null) {
        ObjectNode entry = r.putArray("suppressions").addObject();
        entry.put("kind", s.kind().sarif());
        entry.put("status", "accepted");
        entry.put("justification", s.justification());
      }
      results.add(r);
    }
    return root;
  }

  /**
   * GitHub reads the part of {@code automationDetails.id} before its last {@code /} as the category,
   * and upload-sarif writes a category given to it as {@code category/}; so does this.
   */
  public static String automationId(String category) {
    if (category == null || category.isBlank()) return null;
    String c = category.strip();
    return c.endsWith("/") ? c : c + "/";
  }

  private ObjectNode rule(RuleMetadata rule) {
    ObjectNode r = NODES.objectNode();
    r.put("id", rule.id());
    r.put("name", rule.name());
    r.putObject("shortDescription").put("text", rule.summary());
    r.putObject("fullDescription").put("text", RuleHelp.fullDescription(rule));
    ObjectNode help = r.putObject("help");
    help.put("text", RuleHelp.helpText(rule));
    help.put("markdown", rule.helpMarkdown());
    r.put("helpUri", RuleHelp.helpUri(rule));
    r.putObject("defaultConfiguration").put("level", SarifLevel.of(rule.severity()));
    ObjectNode props = r.putObject("properties");
    ArrayNode tags = props.putArray("tags");
    tags.add("security");
    tags.add(rule.category().id());
    props.put("category", rule.category().id());
    props.put("precision", rule.precision().sarif());
    props.put("security-severity", rule.severity().securitySeverity());
    return r;
  }

  private ObjectNode result(Finding f, int index, ScanResult scan) {
    ObjectNode r = NODES.objectNode();
    r.put("ruleId", f.ruleId());
    r.put("ruleIndex", index);
    r.put("level", SarifLevel.of(f.severity()));
    r.putObject("message").put("text", messageText(f));
    r.putArray("locations").add(location(f.location(), scan));
    if (!f.related().isEmpty()) {
      ArrayNode related = r.putArray("relatedLocations");
      int id = 1;
      for (Finding.Related rel : f.related()) {
        ObjectNode loc = location(rel.location(), scan);
        loc.put("id", id++);
        loc.putObject("message").put("text", rel.message());
        related.add(loc);
      }
    }
    if (!f.path().isEmpty()) {
      // One thread flow: the steps of the path, each at the statement or trust that allows it.
      ArrayNode steps = r.putArray("codeFlows").addObject().putArray("threadFlows").addObject().putArray("locations");
      for (Finding.Related step : f.path()) {
        ObjectNode loc = location(step.location(), scan);
        loc.putObject("message").put("text", step.message());
        steps.addObject().set("location", loc);
      }
    }
    ObjectNode props = r.putObject("properties");
    props.put("security-severity", f.severity().securitySeverity());
    props.put("resource", f.resource());
    return r;
  }

  /**
   * The message with a link to each related location ({@code [text](id)}, SARIF's embedded links), which
   * is how GitHub shows related locations. Where links are embedded, literal brackets are escaped.
   */
  static String messageText(Finding f) {
    if (f.related().isEmpty()) return f.message();
    StringBuilder text = new StringBuilder(escapeBrackets(f.message())).append(". Related: ");
    int id = 1;
    for (Finding.Related rel : f.related()) {
      if (id > 1) text.append(", ");
      text.append('[').append(escapeBrackets(rel.message())).append("](").append(id++).append(')');
    }
    return text.toString();
  }

  private static String escapeBrackets(String s) {
    return s.replace("[", "\\[").replace("]", "\\]");
  }

  private ObjectNode location(SourceRange range, ScanResult scan) {
    ObjectNode loc = NODES.objectNode();
    ObjectNode physical = loc.putObject("physicalLocation");
    artifact(physical, range.file(), scan);
    ObjectNode region = physical.putObject("region");
    region.put("startLine", range.startLine());
    region.put("startColumn", range.startColumn());
    region.put("endLine", range.endLine());
    // SARIF's endColumn is exclusive; the model's end is the last character.
    region.put("endColumn", range.endColumn() + 1);
    return loc;
  }

  private static void artifact(ObjectNode physical, String file, ScanResult scan) {
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", UriPaths.encodePath(file));
    artifact.put("uriBaseId", scan.baseIdOf(file));
  }

  private ObjectNode notification(Diagnostic d, ScanResult scan) {
    ObjectNode n = NODES.objectNode();
    n.put("level", d.level() == Diagnostic.Level.ERROR ? "error" : "warning");
    n.putObject("message").put("text", d.message());
    if (!d.file().isEmpty()) {
      ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
      artifact(physical, d.file(), scan);
      ObjectNode region = physical.putObject("region");
      region.put("startLine", d.line());
      region.put("startColumn", d.column());
    }
    return n;
  }
}
