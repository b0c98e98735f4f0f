package dev.iamscan.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParserLimits;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into located {@link Value}s with Jackson's streaming parser, keeping number text
 * and the line and column of every key and value. Used for JSON templates, {@code .tf.json} files
 * and policy documents written as strings.
 */
public final class JsonValueReader {
  private static final JsonFactory DEFAULT_FACTORY = factory(ParserLimits.DEFAULTS);

  /** Jackson enforces depth and string length itself, failing with a located exception. */
  private static JsonFactory factory(ParserLimits limits) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(limits.maxStringLength())
            .maxNestingDepth(limits.maxNestingDepth())
            .maxNumberLength(4096)
            .build())
        .build();
  }

  /** The outcome: a value, or a syntax error with its position; warnings either way. */
  public record Result(Value value, Diagnostic error, List<Diagnostic> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }

    public boolean ok() {
      return value != null;
    }
  }

  private final String file;
  private final SourceRange base;
  private final boolean verbatim;
  private final ParserLimits limits;
  private final long deadline;
  private int ticks;
  /** Where the last value started: Jackson's limit errors carry no position of their own. */
  private JsonLocation last;
  private final List<Diagnostic> warnings = new ArrayList<>();

  private JsonValueReader(String file, SourceRange base, boolean verbatim, ParserLimits limits) {
    this.file = file;
    this.base = base;
    this.verbatim = verbatim;
    this.limits = limits;
    this.deadline = limits.deadlineFromNow();
  }

  /** A whole file: positions are the file's own. */
  public static Result readFile(String text, String file) {
    return readFile(text, file, ParserLimits.DEFAULTS);
  }

  public static Result readFile(String text, String file, ParserLimits limits) {
    return new JsonValueReader(file, SourceRange.at(file, 1, 1), true, limits).read(text);
  }

  /**
   * JSON held in a string value (a heredoc, a CloudFormation string property): positions map into
   * the file when the string is verbatim, else every value is placed at the string itself.
   */
  public static Result readEmbedded(Value.Text text) {
    return readEmbedded(text, ParserLimits.DEFAULTS);
  }

  public static Result readEmbedded(Value.Text text, ParserLimits limits) {
    return new JsonValueReader(text.range().file(), text.range(), text.verbatim(), limits).read(text.value());
  }

  /** Thrown when the time budget runs out; turned into a diagnostic at the current token. */
  private static final class OutOfTime extends Exception {
    final JsonLocation at;

    OutOfTime(JsonLocation at) {
      super(null, null, false, false);
      this.at = at;
    }
  }

  private Result read(String text) {
    if (text.length() > limits.maxFileBytes()) {
      return new Result(null, Diagnostic.error(file, base.startLine(), base.startColumn(),
          "JSON text is larger than " + limits.maxFileBytes() + " bytes (the file size limit); not read"), warnings);
    }
    JsonFactory f = limits.equals(ParserLimits.DEFAULTS) ? DEFAULT_FACTORY : factory(limits);
    try (JsonParser p = f.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new Result(null, error(p.currentTokenLocation(), "empty JSON document"), warnings);
      }
      Value v = readValue(p, t);
      JsonToken extra;
      try {
        extra = p.nextToken();
      } catch (JsonProcessingException e) {
        extra = JsonToken.NOT_AVAILABLE;
      }
      if (extra != null) {
        return new Result(null, error(p.currentTokenLocation(), "unexpected content after the JSON value"), warnings);
      }
      return new Result(v, null, warnings);
    } catch (StreamConstraintsException e) {
      JsonLocation at = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation() : last;
      return new Result(null, error(at, limitMessage(e, limits)), warnings);
    } catch (OutOfTime e) {
      return new Result(null, error(e.at, "reading JSON took longer than the time budget of "
          + limits.timeBudget().toSeconds() + "s"), warnings);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String msg = String.valueOf(e.getOriginalMessage());
      int nl = msg.indexOf('\n');
      if (nl > 0) msg = msg.substring(0, nl);
      // Jackson names the opening bracket as "[Source: REDACTED (...); line: L, column: C]": keep the words only.
      msg = msg.replaceAll(" ?\\(start marker at \\[Source: [^\\]]*\\]\\)", "");
      return new Result(null, error(loc, "invalid JSON: " + msg), warnings);
    } catch (IOException e) {
      return new Result(null, Diagnostic.error(file, base.startLine(), base.startColumn(), "cannot read JSON: " + e.getMessage()), warnings);
    }
  }

  /** Jackson's limit messages name its own API; say which of our limits was hit instead. */
  public static String limitMessage(StreamConstraintsException e, ParserLimits limits) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.contains("nesting depth")) {
      return "nested more than " + limits.maxNestingDepth() + " levels deep (the nesting limit)";
    }
    if (m.contains("String value length") || m.contains("Name length")) {
      return "string longer than " + limits.maxStringLength() + " characters (the string length limit)";
    }
    return "input exceeds a parser limit: " + firstLine(m);
  }

  private static String firstLine(String msg) {
    if (msg == null) return "unknown error";
    int nl = msg.indexOf('\n');
    return nl > 0 ? msg.substring(0, nl) : msg;
  }

  /** Keys in messages are cut short: a hostile key may be megabytes long. */
  static String shortKey(String key) {
    return key.length() <= 80 ? key : key.substring(0, 80) + "...";
  }

  private Diagnostic error(JsonLocation loc, String message) {
    SourceRange r = loc == null ? base : position(loc);
    return Diagnostic.error(file, r.startLine(), r.startColumn(), message);
  }

  private Value readValue(JsonParser p, JsonToken t) throws IOException, OutOfTime {
    last = p.currentTokenLocation();
    if ((++ticks & 0x3FF) == 0 && System.nanoTime() - deadline > 0) throw new OutOfTime(last);
    SourceRange start = position(p.currentTokenLocation());
    switch (t) {
      case START_OBJECT -> {
        // keyed by name so that a duplicate replaces in constant time (a list scan made many
        // duplicates quadratic); a replaced key moves to the end, where it was last written
        Map<String, Value.Field> fields = new LinkedHashMap<>();
        JsonToken n;
        while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          SourceRange keyRange = position(p.currentTokenLocation(), key.length() + 2);
          if (fields.remove(key) != null) {
            warnings.add(Diagnostic.warning(file, keyRange.startLine(), keyRange.startColumn(),
                "duplicate key '" + shortKey(key) + "': the last one is used by AWS"));
          }
          Value v = readValue(p, p.nextToken());
          fields.put(key, new Value.Field(key, keyRange, v));
        }
        return new Value.ObjectValue(List.copyOf(fields.values()), start.span(position(p.currentTokenLocation())));
      }
      case START_ARRAY -> {
        List<Value> items = new ArrayList<>();
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(readValue(p, n));
        }
        return new Value.ListValue(items, start.span(position(p.currentTokenLocation())));
      }
      case VALUE_STRING -> {
        String s = p.getText();
        return new Value.Text(s, position(p.currentTokenLocation(), s.length() + 2));
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        String s = p.getText();
        return new Value.Num(s, position(p.currentTokenLocation(), s.length()));
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Value.Bool(t == JsonToken.VALUE_TRUE, position(p.currentTokenLocation(), t == JsonToken.VALUE_TRUE ? 4 : 5));
      }
      case VALUE_NULL -> {
        return new Value.Null(position(p.currentTokenLocation(), 4));
      }
      default -> throw new IllegalStateException("unexpected JSON token " + t);
    }
  }

  private SourceRange position(JsonLocation loc) {
    return position(loc, 1);
  }

  private SourceRange position(JsonLocation loc, int length) {
    if (!verbatim || loc == null) return base;
    int line = loc.getLineNr();
    int col = loc.getColumnNr();
    int fileLine = base.startLine() + line - 1;
    int fileCol = line == 1 ? base.startColumn() + col - 1 : col;
    return new SourceRange(file, fileLine, fileCol, fileLine, fileCol + Math.max(0, length - 1));
  }
}
