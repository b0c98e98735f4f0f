package dev.iamscan.cloudformation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.iamscan.json.JsonValueReader;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParserLimits;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the first document of a YAML file into located {@link Value}s with Jackson's streaming
 * YAML parser. Unlike {@code readTree}, it keeps CloudFormation's short-form tags (turned into the
 * long form, so that {@code !GetAtt A.B} becomes {@code {"Fn::GetAtt": ["A", "B"]}}), the raw text
 * of numbers, and reports what CloudFormation does not support (aliases, merge keys) or silently
 * resolves (duplicate keys) instead of expanding it.
 */
final class YamlValueReader {
  private static final YAMLFactory DEFAULT_FACTORY = factory(ParserLimits.DEFAULTS);

  /**
   * SnakeYAML refuses documents above 3 MB by default while real templates reach 6 MB: its limit
   * follows the file size limit instead. Depth and string length are enforced while reading.
   */
  private static YAMLFactory factory(ParserLimits limits) {
    return YAMLFactory.builder()
        .loaderOptions(loaderOptions(limits))
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(limits.maxStringLength())
            .maxNestingDepth(limits.maxNestingDepth())
            .maxNumberLength(4096)
            .build())
        .build();
  }

  /** Short-form tag to long-form key. */
  private static final Map<String, String> TAGS = Map.ofEntries(
      Map.entry("Ref", "Ref"),
      Map.entry("Condition", "Condition"),
      Map.entry("Sub", "Fn::Sub"),
      Map.entry("GetAtt", "Fn::GetAtt"),
      Map.entry("Join", "Fn::Join"),
      Map.entry("If", "Fn::If"),
      Map.entry("Select", "Fn::Select"),
      Map.entry("Split", "Fn::Split"),
      Map.entry("FindInMap", "Fn::FindInMap"),
      Map.entry("Base64", "Fn::Base64"),
      Map.entry("Cidr", "Fn::Cidr"),
      Map.entry("ImportValue", "Fn::ImportValue"),
      Map.entry("GetAZs", "Fn::GetAZs"),
      Map.entry("Equals", "Fn::Equals"),
      Map.entry("Not", "Fn::Not"),
      Map.entry("And", "Fn::And"),
      Map.entry("Or", "Fn::Or"),
      Map.entry("Transform", "Fn::Transform"),
      Map.entry("ToJsonString", "Fn::ToJsonString"),
      Map.entry("Length", "Fn::Length"));

  private static final String YAML_STR_TAG = "tag:yaml.org,2002:str";

  /**
   * @param value the first document
   * @param more the documents after the first of a multi-document file (may be empty)
   */
  record Result(Value value, List<Value> more, Diagnostic error, List<Diagnostic> warnings) {
    Result {
      more = List.copyOf(more);
      warnings = List.copyOf(warnings);
    }

    Result(Value value, Diagnostic error, List<Diagnostic> warnings) {
      this(value, List.of(), error, warnings);
    }

    boolean ok() {
      return value != null;
    }

    /** An empty document: parsed, but nothing in it. */
    boolean empty() {
      return value == null && error == null;
    }
  }

  private final String file;
  private final SourceLines lines;
  private final ParserLimits limits;
  private final long deadline;
  private int ticks;
  /** Aliases and merge keys seen, bounded by {@link ParserLimits#maxYamlAliases()}. */
  private int aliases;
  /** Where the last value started: Jackson's YAML limit errors carry no position of their own. */
  private int atLine = 1;
  private int atColumn = 1;
  private final List<Diagnostic> warnings = new ArrayList<>();

  private YamlValueReader(String file, String text, ParserLimits limits) {
    this.file = file;
    this.lines = new SourceLines(text);
    this.limits = limits;
    this.deadline = limits.deadlineFromNow();
  }

  static Result read(String text, String file) {
    return read(text, file, ParserLimits.DEFAULTS);
  }

  static Result read(String text, String file, ParserLimits limits) {
    return new YamlValueReader(file, text, limits).run(text);
  }

  private static LoaderOptions loaderOptions(ParserLimits limits) {
    LoaderOptions o = new LoaderOptions();
    o.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(1024, limits.maxFileBytes())));
    o.setNestingDepthLimit(limits.maxNestingDepth());
    // Aliases are reported, never expanded, so SnakeYAML's "billion laughs" limit (which only
    // guards expansion) does not apply; our own count bounds them.
    o.setMaxAliasesForCollections(Integer.MAX_VALUE);
    return o;
  }

  /** A bound was exceeded at a position: the document is not scanned. */
  private static final class LimitExceeded extends Exception {
    final int line;
    final int column;

    LimitExceeded(int line, int column, String message) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  private Result run(String text) {
    YAMLFactory f = limits.equals(ParserLimits.DEFAULTS) ? DEFAULT_FACTORY : factory(limits);
    try (YAMLParser p = (YAMLParser) f.createParser(new StringReader(text))) {
      JsonToken t = p.nextToken();
      if (t == null) return new Result(null, null, warnings);
      Value first = readValue(p, t);
      // CloudFormation accepts one document per file; later ones are read too, so that nothing in
      // the file goes unscanned, and the caller says so.
      List<Value> more = new ArrayList<>();
      JsonToken n;
      while ((n = p.nextToken()) != null) more.add(readValue(p, n));
      return new Result(first, more, null, warnings);
    } catch (LimitExceeded e) {
      return new Result(null, error(e.line, e.column, e.getMessage()), warnings);
    } catch (StreamConstraintsException e) {
      return new Result(null, error(atLine, atColumn, JsonValueReader.limitMessage(e, limits) + "; not scanned"), warnings);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      return new Result(null, error(loc == null ? 1 : loc.getLineNr(), loc == null ? 1 : loc.getColumnNr(),
          "invalid YAML: " + firstLine(e.getOriginalMessage())), warnings);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark();
      return new Result(null, error(m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
          "invalid YAML: " + firstLine(e.getProblem())), warnings);
    } catch (IOException | RuntimeException e) {
      // SnakeYAML signals some limits (size, depth) with unchecked exceptions: never let them escape.
      return new Result(null, error(1, 1, "cannot read YAML: " + firstLine(String.valueOf(e.getMessage()))), warnings);
    }
  }

  private static String firstLine(String msg) {
    if (msg == null) return "unknown error";
    String m = msg.strip();
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl).strip() : m;
  }

  private Diagnostic error(int line, int column, String message) {
    return Diagnostic.error(file, line, column, message);
  }

  private Value readValue(YAMLParser p, JsonToken t) throws IOException, LimitExceeded {
    String tag = p.getTypeId();
    JsonLocation startLoc = p.currentTokenLocation();
    int line = startLoc.getLineNr();
    int col = startLoc.getColumnNr();
    atLine = line;
    atColumn = col;
    if ((++ticks & 0x3FF) == 0 && System.nanoTime() - deadline > 0) {
      throw new LimitExceeded(line, col, "reading YAML took longer than the time budget of "
          + limits.timeBudget().toSeconds() + "s; not scanned");
    }
    Value v = switch (t) {
      case START_OBJECT -> readObject(p, line, col);
      case START_ARRAY -> readList(p, line, col);
      case VALUE_STRING -> p.isCurrentAlias() ? alias(p, line, col) : readString(p, tag, line, col);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> YAML_STR_TAG.equals(tag)
          ? new Value.Text(p.getText(), scalarRange(p, line, col), true)
          : new Value.Num(p.getText(), scalarRange(p, line, col));
      case VALUE_TRUE, VALUE_FALSE -> YAML_STR_TAG.equals(tag)
          ? new Value.Text(p.getText(), scalarRange(p, line, col), true)
          : new Value.Bool(t == JsonToken.VALUE_TRUE, scalarRange(p, line, col));
      case VALUE_NULL -> YAML_STR_TAG.equals(tag)
          ? new Value.Text(p.getText(), scalarRange(p, line, col), true)
          : new Value.Null(scalarRange(p, line, col));
      case VALUE_EMBEDDED_OBJECT -> new Value.Unknown(p.getText(), scalarRange(p, line, col));
      default -> throw new IllegalStateException("unexpected YAML token " + t);
    };
    if (tag == null || tag.startsWith("tag:yaml.org,2002:")) return v;
    String longForm = TAGS.get(tag);
    if (longForm == null) {
      warnings.add(Diagnostic.warning(file, line, col, "unknown tag '!" + tag + "' is ignored"));
      return v;
    }
    SourceRange tagRange = new SourceRange(file, line, col, line, col + tag.length());
    if (longForm.equals("Fn::GetAtt") && v instanceof Value.Text s) {
      v = getAttDotForm(s);
    }
    return new Value.ObjectValue(List.of(new Value.Field(longForm, tagRange, v)), tagRange.span(v.range()));
  }

  /** {@code !GetAtt Res.Attr.Sub} names resource {@code Res} and attribute {@code Attr.Sub}. */
  private static Value getAttDotForm(Value.Text s) {
    int dot = s.value().indexOf('.');
    if (dot < 0) return s;
    return new Value.ListValue(List.of(
        new Value.Text(s.value().substring(0, dot), s.range()),
        new Value.Text(s.value().substring(dot + 1), s.range())), s.range());
  }

  private void countAlias(int line, int col) throws LimitExceeded {
    if (++aliases > limits.maxYamlAliases()) {
      throw new LimitExceeded(line, col, "more than " + limits.maxYamlAliases()
          + " YAML aliases and merge keys (the alias limit); not scanned");
    }
  }

  private Value alias(YAMLParser p, int line, int col) throws IOException, LimitExceeded {
    countAlias(line, col);
    String name = p.getText();
    warnings.add(Diagnostic.warning(file, line, col,
        "YAML alias '*" + name + "' is not supported by CloudFormation; its value is not expanded"));
    return new Value.Unknown("*" + name, scalarRange(p, line, col));
  }

  private Value readObject(YAMLParser p, int line, int col) throws IOException, LimitExceeded {
    // keyed by name: a duplicate replaces in constant time (a list scan made many duplicates
    // quadratic) and moves to the end, where it was last written
    Map<String, Value.Field> fields = new LinkedHashMap<>();
    Value.Field lastField = null;
    JsonToken n;
    while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonLocation kl = p.currentTokenLocation();
      if (key.length() > limits.maxStringLength()) {
        throw new LimitExceeded(kl.getLineNr(), kl.getColumnNr(), "key longer than " + limits.maxStringLength()
            + " characters (the string length limit); not scanned");
      }
      SourceRange keyRange = scalarRange(p, kl.getLineNr(), kl.getColumnNr());
      if (key.equals("<<")) {
        countAlias(keyRange.startLine(), keyRange.startColumn());
        warnings.add(Diagnostic.warning(file, keyRange.startLine(), keyRange.startColumn(),
            "YAML merge key '<<' is not supported by CloudFormation; it is not expanded"));
      }
      if (fields.remove(key) != null) {
        String shown = key.length() <= 80 ? key : key.substring(0, 80) + "...";
        warnings.add(Diagnostic.warning(file, keyRange.startLine(), keyRange.startColumn(),
            "duplicate key '" + shown + "': only the last one is kept"));
      }
      Value v = readValue(p, p.nextToken());
      lastField = new Value.Field(key, keyRange, v);
      fields.put(key, lastField);
    }
    SourceRange last = lastField == null ? null : lastField.value().range();
    return new Value.ObjectValue(List.copyOf(fields.values()), collectionRange(p, line, col, last, '}'));
  }

  private Value readList(YAMLParser p, int line, int col) throws IOException, LimitExceeded {
    List<Value> items = new ArrayList<>();
    JsonToken n;
    while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
      items.add(readValue(p, n));
    }
    SourceRange last = items.isEmpty() ? null : items.get(items.size() - 1).range();
    return new Value.ListValue(items, collectionRange(p, line, col, last, ']'));
  }

  /**
   * A flow collection ends at its bracket; a block collection's end event sits at the next token
   * (possibly after comments and blank lines), so it ends with its last item instead.
   */
  private SourceRange collectionRange(YAMLParser p, int line, int col, SourceRange last, char bracket) {
    JsonLocation end = p.currentTokenLocation();
    int off = lines.offset(end.getLineNr(), end.getColumnNr());
    if (lines.charAt(off) == bracket) {
      return new SourceRange(file, line, col, end.getLineNr(), end.getColumnNr());
    }
    if (last != null) return new SourceRange(file, line, col, last.endLine(), last.endColumn());
    return SourceRange.at(file, line, col);
  }

  /** From the token start to the character before the parser's current position. */
  private SourceRange scalarRange(YAMLParser p, int line, int col) {
    JsonLocation end = p.currentLocation();
    int endLine = end.getLineNr();
    int endCol = end.getColumnNr() - 1;
    if (endCol < 1 && endLine > line) {
      endLine--;
      endCol = lines.line(endLine).codePointCount(0, lines.line(endLine).length());
    }
    return new SourceRange(file, line, col, endLine, endCol);
  }

  private Value readString(YAMLParser p, String tag, int line, int col) throws IOException, LimitExceeded {
    String s = p.getText();
    // Jackson checks the length of JSON strings only; YAML scalars are checked here
    if (s.length() > limits.maxStringLength()) {
      throw new LimitExceeded(line, col, "string longer than " + limits.maxStringLength()
          + " characters (the string length limit); not scanned");
    }
    SourceRange r = scalarRange(p, line, col);
    // Look at what is written at the token: skip a tag and an anchor to reach the scalar itself.
    int off = lines.offset(line, col);
    off = skipProperties(off);
    char c = lines.charAt(off);
    if (c == '|' || c == '>') {
      int indicatorLine = lines.lineOf(off);
      int first = indicatorLine + 1;
      int indent = 0;
      for (int l = first; l <= Math.max(first, r.endLine()); l++) {
        String text = lines.line(l);
        if (!text.isBlank()) {
          indent = text.length() - text.stripLeading().length();
          break;
        }
      }
      SourceRange content = new SourceRange(file, first, indent + 1, Math.max(first, r.endLine()), r.endColumn());
      // Literal blocks keep their lines, so a line of the text is a line of the file; folded ones do not.
      return new Value.Text(s, c == '|' ? content : r, c == '|');
    }
    return new Value.Text(s, r, r.startLine() == r.endLine());
  }

  /** Skips node properties ({@code !Tag}, {@code &anchor}) and the blanks after them. */
  private int skipProperties(int off) {
    while (true) {
      char c = lines.charAt(off);
      if (c == '!' || c == '&') {
        while (lines.charAt(off) != 0 && !Character.isWhitespace(lines.charAt(off))) off++;
        while (lines.charAt(off) != 0 && Character.isWhitespace(lines.charAt(off))) off++;
      } else {
        return off;
      }
    }
  }
}
