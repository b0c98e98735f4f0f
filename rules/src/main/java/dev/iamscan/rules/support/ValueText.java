package dev.iamscan.rules.support;

import dev.iamscan.model.Value;

/** How a short value is quoted in messages. */
public final class ValueText {
  private ValueText() {}

  public static String of(Value v) {
    if (v instanceof Value.Reference r) return r.expression();
    if (v instanceof Value.Unknown u) return u.expression();
    if (v instanceof Value.Conditional c) return "either " + of(c.whenTrue()) + " or " + of(c.whenFalse());
    return v.scalar().map(s -> "\"" + s + "\"").orElse("(none)");
  }
}
