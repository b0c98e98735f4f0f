package dev.iamscan.scanner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.iamscan.rules.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and validates {@code .iamscan.yml} against its JSON Schema, naming the line of each problem. */
public final class ConfigLoader {
  public static final String FILE_NAME = ".iamscan.yml";
  private static final String SCHEMA = "/iamscan/config-schema.json";

  /** A configuration file that is not valid; each problem is {@code FILE:LINE: message}. */
  public static final class InvalidConfigException extends Exception {
    private final List<String> problems;

    InvalidConfigException(List<String> problems) {
      super(String.join("\n", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  private final Schema schema;
  private final Set<String> knownRules;

  /** @param knownRules every rule id there is; a file naming another is invalid */
  public ConfigLoader(Set<String> knownRules) {
    this.knownRules = Set.copyOf(knownRules);
    try (InputStream in = ConfigLoader.class.getResourceAsStream(SCHEMA)) {
      if (in == null) throw new IllegalStateException(SCHEMA + " missing from the jar");
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param display how messages name the file
   */
  public ScanConfig load(Path file, String display) throws InvalidConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidConfigException(List.of(display + ": cannot read: " + e.getMessage()));
    }
    LocatedDocument doc;
    try {
      doc = LocatedDocument.parse(text, file.getFileName().toString());
    } catch (IOException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
          ? j.getLocation().getLineNr() : 1;
      throw new InvalidConfigException(List.of(display + ":" + Math.max(1, line) + ": not valid YAML: " + msg));
    }
    // An empty file is a valid configuration that sets nothing.
    if (doc.root().isNull()) return new ScanConfig(file, null, null, List.of(), List.of(), List.of(), null, null,
        null, List.of(), List.of(), ScanConfig.PasswordPolicy.UNSET, ScanConfig.Limits.UNSET);
    List<String> problems = new ArrayList<>();
    for (Error e : schema.validate(doc.root())) {
      String pointer = pointer(e.getInstanceLocation());
      // An unexpected key is best shown on its own line, not on its parent's.
      if ("additionalProperties".equals(e.getKeyword()) && e.getProperty() != null) {
        pointer = pointer + "/" + e.getProperty().replace("~", "~0").replace("/", "~1");
      }
      String where = pointer.isEmpty() ? "" : " (" + pointer.substring(1).replace('/', '.') + ")";
      problems.add(display + ":" + doc.lineOf(pointer) + ": " + e.getMessage() + where);
    }
    JsonNode root = doc.root();
    for (String key : List.of("rules", "skip-rules")) {
      JsonNode ids = root.path(key);
      for (int i = 0; i < ids.size(); i++) unknownRule(ids.get(i), "/" + key + "/" + i, doc, display, problems);
    }
    JsonNode cats = root.path("categories");
    for (int i = 0; i < cats.size(); i++) {
      String c = cats.get(i).asText();
      if (cats.get(i).isTextual() && Category.fromId(c).isEmpty()) {
        problems.add(display + ":" + doc.lineOf("/categories/" + i) + ": unknown category '" + c + "' (one of: "
            + Arrays.stream(Category.values()).map(Category::id).collect(Collectors.joining(", ")) + ")");
      }
    }
    List<ScanConfig.Exception> exceptions = new ArrayList<>();
    JsonNode ex = root.path("exceptions");
    for (int i = 0; i < ex.size(); i++) {
      JsonNode e = ex.get(i);
      unknownRule(e.path("rule"), "/exceptions/" + i + "/rule", doc, display, problems);
      LocalDate until = null;
      if (e.hasNonNull("until")) {
        try {
          until = LocalDate.parse(e.get("until").asText());
        } catch (DateTimeParseException bad) {
          problems.add(display + ":" + doc.lineOf("/exceptions/" + i + "/until") + ": not a date: "
              + e.get("until").asText());
        }
      }
      exceptions.add(new ScanConfig.Exception(e.path("rule").asText(""), text(e, "path"), text(e, "resource"),
          e.path("reason").asText(""), until, doc.lineOf("/exceptions/" + i)));
    }
    if (!problems.isEmpty()) throw new InvalidConfigException(problems.stream().sorted(ConfigLoader::byLine).toList());
    return new ScanConfig(file, text(root, "fail-on"), text(root, "min-severity"), strings(root, "rules"),
        strings(root, "skip-rules"), strings(root, "categories"), text(root, "baseline"),
        bool(root, "strict-suppressions"), bool(root, "include-suppressed"), strings(root, "exclude"), exceptions,
        passwordPolicy(root.path("password-policy")), limits(root.path("limits")));
  }

  private void unknownRule(JsonNode id, String pointer, LocatedDocument doc, String display, List<String> problems) {
    // Ids that break the pattern are already reported by the schema.
    if (!id.isTextual() || !id.asText().matches("IAM[0-9]{3}") || knownRules.contains(id.asText())) return;
    problems.add(display + ":" + doc.lineOf(pointer) + ": unknown rule " + id.asText() + " (see: iamscan rules)");
  }

  private static int byLine(String a, String b) {
    return Integer.compare(lineNumber(a), lineNumber(b)) != 0 ? Integer.compare(lineNumber(a), lineNumber(b))
        : a.compareTo(b);
  }

  private static int lineNumber(String problem) {
    String[] parts = problem.split(":", 3);
    try {
      return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String pointer(NodePath path) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object el = path.getElement(i);
      b.append('/').append(String.valueOf(el).replace("~", "~0").replace("/", "~1"));
    }
    return b.toString();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Already validated against the schema: each value is absent or an integer in AWS's range. */
  private static ScanConfig.PasswordPolicy passwordPolicy(JsonNode n) {
    return new ScanConfig.PasswordPolicy(integer(n, "minimum-length"), integer(n, "reuse-prevention"),
        integer(n, "max-age-days"));
  }

  /** Already validated against the schema: each value is absent or an integer within its range. */
  private static ScanConfig.Limits limits(JsonNode n) {
    return new ScanConfig.Limits(longInteger(n, "max-file-bytes"), integer(n, "max-nesting-depth"),
        integer(n, "max-string-length"), integer(n, "max-yaml-aliases"), integer(n, "time-budget-seconds"),
        integer(n, "max-evaluation-depth"), integer(n, "max-template-depth"), integer(n, "max-collection-size"),
        longInteger(n, "max-evaluation-steps"), integer(n, "max-dynamic-instances"));
  }

  private static Long longInteger(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isNumber() ? null : v.asLong();
  }

  private static Integer integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isNumber() ? null : v.asInt();
  }

  private static Boolean bool(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.isBoolean() ? null : v.asBoolean();
  }

  private static List<String> strings(JsonNode n, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : n.path(field)) out.add(v.asText());
    return out;
  }
}
