package dev.iamscan.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads JSON text into located {@link Value}s with Jackson's streaming parser, keeping number text
 * and the line and column of every key and value. Used for JSON templates, {@code .tf.json} files
 * and policy documents written as strings.
 */
public final class JsonValueReader {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(64 * 1024 * 1024)
          .maxNestingDepth(512)
          .maxNumberLength(4096)
          .build())
      .build();

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
  private final List<Diagnostic> warnings = new ArrayList<>();

  private JsonValueReader(String file, SourceRange base, boolean verbatim) {
    this.file = file;
    this.base = base;
    this.verbatim = verbatim;
  }

  /** A whole file: positions are the file's own. */
  public static Result readFile(String text, String file) {
    return new JsonValueReader(file, SourceRange.at(file, 1, 1), true).read(text);
  }

  /**
   * JSON held in a string value (a heredoc, a CloudFormation string property): positions map into
   * the file when the string is verbatim, else every value is placed at the string itself.
   */
  public static Result readEmbedded(Value.Text text) {
    return new JsonValueReader(text.range().file(), text.range(), text.verbatim()).read(text.value());
  }

  private Result read(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
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
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String msg = e.getOriginalMessage();
      int nl = msg.indexOf('\n');
      if (nl > 0) msg = msg.substring(0, nl);
      return new Result(null, error(loc, "invalid JSON: " + msg), warnings);
    } catch (IOException e) {
      return new Result(null, Diagnostic.error(file, base.startLine(), base.startColumn(), "cannot read JSON: " + e.getMessage()), warnings);
    }
  }

  private Diagnostic error(JsonLocation loc, String message) {
    SourceRange r = loc == null ? base : position(loc);
    return Diagnostic.error(file, r.startLine(), r.startColumn(), message);
  }

  private Value readValue(JsonParser p, JsonToken t) throws IOException {
    SourceRange start = position(p.currentTokenLocation());
    switch (t) {
      case START_OBJECT -> {
        List<Value.Field> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonToken n;
        while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          SourceRange keyRange = position(p.currentTokenLocation(), key.length() + 2);
          if (!seen.add(key)) {
            warnings.add(Diagnostic.warning(file, keyRange.startLine(), keyRange.startColumn(),
                "duplicate key '" + key + "': the last one is used by AWS"));
            fields.removeIf(f -> f.key().equals(key));
          }
          Value v = readValue(p, p.nextToken());
          fields.add(new Value.Field(key, keyRange, v));
        }
        return new Value.ObjectValue(fields, start.span(position(p.currentTokenLocation())));
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
