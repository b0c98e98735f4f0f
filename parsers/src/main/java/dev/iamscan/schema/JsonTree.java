package dev.iamscan.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A located {@link Value} tree as a Jackson tree for the validator, with the source range of every
 * key and value by JSON pointer.
 *
 * <p>Values the scanner does not know ({@code Unknown}, {@code Reference}, {@code Conditional}, text
 * with an unresolved part) become JSON null and their pointers are recorded, so that the validator
 * still sees the key (required and unknown-property checks stay exact) while any error about the
 * value itself, or about a part of the tree that contains it, is dropped: an unknown never produces
 * a guess. Explicit nulls ({@code AWS::NoValue}, Terraform {@code null}) mean "absent" and are left
 * out.
 */
final class JsonTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  /** Deeper trees are not walked further: what lies below is treated as unknown. */
  private static final int MAX_DEPTH = 64;

  private final Map<String, SourceRange> keys = new HashMap<>();
  private final Map<String, SourceRange> values = new HashMap<>();
  private final Set<String> unknown = new HashSet<>();
  private final JsonNode root;

  private JsonTree(Value value) {
    this.root = convert(value, "", 0);
  }

  static JsonTree of(Value value) {
    return new JsonTree(value);
  }

  JsonNode root() {
    return root;
  }

  /** The key's range for an object member, else the value's range, else null. */
  SourceRange keyOrValue(String pointer) {
    SourceRange k = keys.get(pointer);
    return k != null ? k : values.get(pointer);
  }

  SourceRange value(String pointer) {
    return values.get(pointer);
  }

  /** The value at the pointer, or one of the values around it, is not known. */
  boolean underUnknown(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      if (unknown.contains(p)) return true;
      if (p.isEmpty()) return false;
    }
  }

  /** Some value at or below the pointer is not known. */
  boolean containsUnknown(String pointer) {
    if (underUnknown(pointer)) return true;
    String prefix = pointer + "/";
    for (String u : unknown) if (u.startsWith(prefix)) return true;
    return false;
  }

  static String parent(String pointer) {
    int i = pointer.lastIndexOf('/');
    return i <= 0 ? "" : pointer.substring(0, i);
  }

  static String child(String pointer, String key) {
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  /** The last segment of a pointer, unescaped. */
  static String lastSegment(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
  }

  private JsonNode convert(Value v, String pointer, int depth) {
    values.put(pointer, v.range());
    if (depth > MAX_DEPTH) return unknownAt(pointer);
    if (v instanceof Value.Text t) {
      return t.value().indexOf(Value.Unknown.HOLE) >= 0 ? unknownAt(pointer) : NODES.textNode(t.value());
    }
    if (v instanceof Value.Num n) return number(n.text());
    if (v instanceof Value.Bool b) return NODES.booleanNode(b.value());
    if (v instanceof Value.Null) return NODES.nullNode();
    if (v instanceof Value.ListValue l) {
      ArrayNode a = NODES.arrayNode(l.items().size());
      for (int i = 0; i < l.items().size(); i++) {
        Value item = l.items().get(i);
        String p = pointer + "/" + i;
        // A null item stays in place so that later indices keep their positions.
        a.add(item instanceof Value.Null ? unknownAt(p) : convert(item, p, depth + 1));
      }
      return a;
    }
    if (v instanceof Value.ObjectValue o) {
      ObjectNode obj = NODES.objectNode();
      for (Value.Field f : o.fields()) {
        if (f.value() instanceof Value.Null) continue;
        String p = child(pointer, f.key());
        // A repeated key (Terraform nested blocks): the first counts, as with the model's get().
        if (obj.has(f.key())) continue;
        keys.put(p, f.keyRange());
        obj.set(f.key(), f.key().indexOf(Value.Unknown.HOLE) >= 0 ? unknownAt(p) : convert(f.value(), p, depth + 1));
      }
      return obj;
    }
    // Unknown, Reference, Conditional
    return unknownAt(pointer);
  }

  private JsonNode unknownAt(String pointer) {
    unknown.add(pointer);
    return NODES.nullNode();
  }

  /** Numbers keep their kind when they are JSON numbers; anything else (a date, a leading zero) is text. */
  private static JsonNode number(String text) {
    if (!JSON_NUMBER.matcher(text).matches() || (text.length() > 1 && text.startsWith("0") && !text.startsWith("0."))) {
      return NODES.textNode(text);
    }
    try {
      BigDecimal d = new BigDecimal(text);
      return d.scale() <= 0 && text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0
          ? NODES.numberNode(d.toBigIntegerExact())
          : NODES.numberNode(d);
    } catch (ArithmeticException | NumberFormatException e) {
      return NODES.textNode(text);
    }
  }
}
