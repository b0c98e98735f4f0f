package dev.iamscan.scanner.suppress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.rules.Finding;
import dev.iamscan.scanner.Suppressed;
import dev.iamscan.scanner.config.LocatedDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds the suppressions written next to the code: {@code # iamscan:ignore} comments in Terraform,
 * {@code Metadata.iamscan.ignore} on CloudFormation resources and at template level.
 */
public final class SuppressionReader {
  /** How the scanner's module chains name a {@code module} block among a finding's related locations. */
  private static final String CALLED_HERE = " is called here";

  private final Function<String, Optional<Path>> sourceOf;

  /** @param sourceOf the file on disk for a file name as reports give it */
  public SuppressionReader(Function<String, Optional<Path>> sourceOf) {
    this.sourceOf = sourceOf;
  }

  public List<Suppression> read(List<Resource> resources) {
    List<Suppression> out = new ArrayList<>();
    Map<String, List<Resource>> terraformFiles = new TreeMap<>();
    Map<String, Boolean> templates = new TreeMap<>();
    for (Resource r : resources) {
      if (r.format() == Format.TERRAFORM) {
        terraformFiles.computeIfAbsent(r.range().file(), k -> new ArrayList<>()).add(r);
      } else {
        out.addAll(fromMetadata(r));
        templates.put(r.range().file(), true);
      }
    }
    for (Map.Entry<String, List<Resource>> e : terraformFiles.entrySet()) {
      if (e.getKey().endsWith(".tf")) out.addAll(fromComments(e.getKey(), e.getValue()));
    }
    for (String template : templates.keySet()) out.addAll(fromTemplateMetadata(template));
    return out;
  }

  private List<Suppression> fromComments(String file, List<Resource> resources) {
    Optional<List<String>> lines = readLines(file);
    if (lines.isEmpty()) return List.of();
    TerraformComments.Scan scan = TerraformComments.scan(lines.get());
    List<Suppression> out = new ArrayList<>();
    for (TerraformComments.Comment c : scan.comments()) {
      Optional<IgnoreComment> parsed = IgnoreComment.parse(c.text());
      if (parsed.isEmpty()) continue;
      IgnoreComment ic = parsed.get();
      List<String> problems = new ArrayList<>(ic.problems());
      int target = c.trailing() ? c.line() : scan.nextCodeLine(c.line());
      var covers = Suppression.lines(file, -1, -1, null);
      Resource owner = innermost(resources, target, c.line());
      if (owner == null) {
        problems.add("is not on or before a block or attribute");
      } else if (owner.range().startLine() == target) {
        covers = block(file, owner);
      } else {
        SourceRange field = fieldStartingAt(owner.body(), target, file);
        if (field == null) field = fieldStartingAt(owner.attributes(), target, file);
        covers = field == null ? block(file, owner) : Suppression.lines(file, field.startLine(), field.endLine(), null);
      }
      out.add(new Suppression(ic.ruleIds(), ic.reason(), ic.until(), Suppressed.Kind.IN_SOURCE, file, c.line(),
          covers, problems, ic.badUntil() == null ? null : notADate("until=" + ic.badUntil())));
    }
    return out;
  }

  /**
   * A whole block; for a {@code module} call, also every finding inside the module it calls (found
   * through the call chain the scanner adds to such findings as related locations).
   */
  private static Predicate<Finding> block(String file, Resource owner) {
    SourceRange r = owner.range();
    Predicate<Finding> lines = Suppression.lines(file, r.startLine(), r.endLine(), owner.address());
    if (!owner.kind().equals("module")) return lines;
    return lines.or(f -> f.related().stream().anyMatch(rel -> rel.location().file().equals(file)
        && rel.location().startLine() == r.startLine() && rel.message().endsWith(CALLED_HERE)));
  }

  /** The block that starts on {@code target}, or that holds the comment's line. */
  private static Resource innermost(List<Resource> resources, int target, int commentLine) {
    Resource best = null;
    for (Resource r : resources) {
      SourceRange g = r.range();
      boolean starts = target > 0 && g.startLine() == target;
      boolean holds = g.startLine() <= commentLine && commentLine <= g.endLine();
      if (starts || holds) {
        if (best == null || g.startLine() > best.range().startLine()) best = r;
      }
    }
    return best;
  }

  /** The lines of the outermost attribute or nested block whose name is written on {@code line}. */
  private static SourceRange fieldStartingAt(Value value, int line, String file) {
    if (value instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) {
        SourceRange key = f.keyRange();
        if (!key.file().equals(file)) continue;
        SourceRange v = f.value().range();
        // A value resolved from elsewhere (a variable default) keeps its own range; only the key counts then.
        boolean local = v.file().equals(file) && v.startLine() >= key.startLine();
        int end = local ? Math.max(key.endLine(), v.endLine()) : key.endLine();
        if (key.startLine() == line) return new SourceRange(file, key.startLine(), 1, end, 1);
        if (local && key.startLine() < line && line <= end) {
          SourceRange inner = fieldStartingAt(f.value(), line, file);
          if (inner != null) return inner;
        }
      }
    } else if (value instanceof Value.ListValue l) {
      for (Value item : l.items()) {
        SourceRange inner = fieldStartingAt(item, line, file);
        if (inner != null) return inner;
      }
    } else if (value instanceof Value.Conditional c) {
      SourceRange inner = fieldStartingAt(c.whenTrue(), line, file);
      return inner != null ? inner : fieldStartingAt(c.whenFalse(), line, file);
    }
    return null;
  }

  private List<Suppression> fromMetadata(Resource r) {
    Optional<Value> ignore = r.attributes().get("Metadata")
        .flatMap(Value::asObject).flatMap(m -> m.get("iamscan"))
        .flatMap(Value::asObject).flatMap(m -> m.get("ignore"));
    if (ignore.isEmpty()) return List.of();
    String file = r.range().file();
    var covers = Suppression.lines(file, r.range().startLine(), r.range().endLine(), r.address());
    List<Suppression> out = new ArrayList<>();
    for (Value entry : ignore.get().elements()) {
      Map<String, String> fields = new LinkedHashMap<>();
      entry.asObject().ifPresent(o -> {
        for (Value.Field f : o.fields()) f.value().scalar().ifPresent(s -> fields.put(f.key(), s));
      });
      if (entry instanceof Value.Text t) fields.put("id", t.value());
      out.add(entryOf(fields, file, entry.range().startLine(), covers));
    }
    return out;
  }

  private List<Suppression> fromTemplateMetadata(String file) {
    Optional<Path> path = sourceOf.apply(file);
    if (path.isEmpty()) return List.of();
    String text;
    try {
      text = Files.readString(path.get(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
    if (!text.contains("iamscan")) return List.of(); // most templates: skip the second parse
    LocatedDocument doc;
    try {
      doc = LocatedDocument.parse(text, file);
    } catch (IOException | RuntimeException e) {
      return List.of(); // the parser has already reported what is wrong with the template
    }
    JsonNode ignore = doc.root().at("/Metadata/iamscan/ignore");
    if (!ignore.isArray()) return List.of();
    var covers = Suppression.lines(file, 1, Integer.MAX_VALUE, null);
    List<Suppression> out = new ArrayList<>();
    for (int i = 0; i < ignore.size(); i++) {
      JsonNode entry = ignore.get(i);
      Map<String, String> fields = new LinkedHashMap<>();
      if (entry.isTextual()) fields.put("id", entry.asText());
      entry.fields().forEachRemaining(f -> {
        if (f.getValue().isValueNode()) fields.put(f.getKey(), f.getValue().asText());
      });
      out.add(entryOf(fields, file, doc.lineOf("/Metadata/iamscan/ignore/" + i), covers));
    }
    return out;
  }

  private static Suppression entryOf(Map<String, String> fields, String file, int line,
      Predicate<Finding> covers) {
    List<String> problems = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    String id = fields.getOrDefault("id", "");
    for (String s : id.split("[,\\s]+")) {
      if (!s.isEmpty()) ids.add(s);
    }
    if (ids.isEmpty()) problems.add("names no rule id ({id: IAM001, reason: ...})");
    LocalDate until = null;
    String inert = null;
    String u = fields.get("until");
    if (u != null) {
      try {
        until = LocalDate.parse(u.strip());
      } catch (DateTimeParseException e) {
        inert = notADate("until: " + u);
      }
    }
    return new Suppression(ids, fields.getOrDefault("reason", "").strip(), until, Suppressed.Kind.IN_SOURCE,
        file, line, covers, problems, inert);
  }

  /** An expiry that cannot be read must not turn into "never expires". */
  private static String notADate(String written) {
    return "'" + written + "' is not a date (YYYY-MM-DD)";
  }

  private Optional<List<String>> readLines(String file) {
    Optional<Path> path = sourceOf.apply(file);
    if (path.isEmpty()) return Optional.empty();
    try {
      return Optional.of(Files.readAllLines(path.get(), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
