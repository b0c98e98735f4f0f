package dev.iamscan.terraform;

import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Serialises known values to JSON text the way Terraform's {@code jsonencode} does: object keys
 * sorted, no spaces, {@code <}, {@code >} and {@code &} escaped. Used when an encoded document is
 * interpolated into a string; anything unknown inside makes the text unknown.
 */
final class JsonTextWriter {
  private JsonTextWriter() {}

  /** The JSON text of {@code v}; empty when something inside is not known or the text would exceed {@code maxLength}. */
  static Optional<String> write(Value v, int maxLength) {
    StringBuilder sb = new StringBuilder();
    return write(v, sb, maxLength) ? Optional.of(sb.toString()) : Optional.empty();
  }

  /** Whether {@code v} has a JSON text at all (everything inside known), whatever its length. */
  static boolean writable(Value v) {
    if (v instanceof Value.ListValue l) {
      for (Value i : l.items()) if (!writable(i)) return false;
      return true;
    }
    if (v instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) if (!writable(f.value())) return false;
      return true;
    }
    return v instanceof Value.Text || v instanceof Value.Num || v instanceof Value.Bool || v instanceof Value.Null;
  }

  private static boolean write(Value v, StringBuilder sb, int maxLength) {
    // checked once per value: a text may pass the limit by at most one quoted string, which is itself bounded
    if (sb.length() > maxLength) return false;
    if (v instanceof Value.Text t) {
      quote(t.value(), sb);
    } else if (v instanceof Value.Num n) {
      sb.append(n.text());
    } else if (v instanceof Value.Bool b) {
      sb.append(b.value());
    } else if (v instanceof Value.Null) {
      sb.append("null");
    } else if (v instanceof Value.ListValue l) {
      sb.append('[');
      for (int i = 0; i < l.items().size(); i++) {
        if (i > 0) sb.append(',');
        if (!write(l.items().get(i), sb, maxLength)) return false;
      }
      sb.append(']');
    } else if (v instanceof Value.ObjectValue o) {
      List<Value.Field> fields = new ArrayList<>(o.fields());
      fields.sort(Comparator.comparing(Value.Field::key));
      sb.append('{');
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) sb.append(',');
        quote(fields.get(i).key(), sb);
        sb.append(':');
        if (!write(fields.get(i).value(), sb, maxLength)) return false;
      }
      sb.append('}');
    } else {
      return false;
    }
    return sb.length() <= maxLength;
  }

  static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '<', '>', '&' -> sb.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
