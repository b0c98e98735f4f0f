package dev.iamscan.rules.account;

import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Reading settings of account-level resources the same way in every rule: a setting is absent (the
 * service default applies), certainly bad in at least one outcome (reported), or not known (never
 * reported on a guess).
 */
final class Settings {
  private Settings() {}

  /** Every outcome a value can have: itself, or the leaves of both branches of conditionals. */
  static List<Value> outcomes(Value v) {
    List<Value> out = new ArrayList<>();
    collect(v, out, 0);
    return out;
  }

  private static void collect(Value v, List<Value> out, int depth) {
    if (depth < 16 && v instanceof Value.Conditional c) {
      collect(c.whenTrue(), out, depth + 1);
      collect(c.whenFalse(), out, depth + 1);
    } else {
      out.add(v);
    }
  }

  /** The first outcome of {@code v} that is known and matches {@code bad}: a certain problem. */
  static Optional<Value> certainly(Value v, Predicate<Value> bad) {
    return outcomes(v).stream().filter(Value::isKnown).filter(bad).findFirst();
  }

  static boolean isFalse(Value v) {
    if (v instanceof Value.Bool b) return !b.value();
    return v instanceof Value.Text t && t.value().trim().equalsIgnoreCase("false");
  }

  /** A whole number written as a number or as a string of digits. */
  static OptionalLong number(Value v) {
    String s = v instanceof Value.Num n ? n.text() : v instanceof Value.Text t ? t.value().trim() : null;
    if (s == null) return OptionalLong.empty();
    try {
      return OptionalLong.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  static String shown(Value v) {
    if (v instanceof Value.Text t) return "\"" + t.value() + "\"";
    return v.scalar().orElse(v.toString()).toLowerCase(Locale.ROOT);
  }
}
