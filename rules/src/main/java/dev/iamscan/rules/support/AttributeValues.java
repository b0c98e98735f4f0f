package dev.iamscan.rules.support;

import dev.iamscan.model.Value;
import dev.iamscan.state.Setting;
import java.util.Optional;

/** How rules tell an attribute that is certainly absent from one that is set or unknown. */
public final class AttributeValues {
  private AttributeValues() {}

  /**
   * Whether the value, in at least one deployable outcome, certainly holds nothing: null or
   * {@code AWS::NoValue}, an empty string, an empty list (or one of nulls only), or a conditional
   * with such a branch. Unknowns and references count as set: they are never a guess.
   */
  public static boolean certainlyEmpty(Value v) {
    if (v instanceof Value.Null) return true;
    if (v instanceof Value.Text t) return t.value().isBlank();
    if (v instanceof Value.ListValue l) return l.items().stream().allMatch(AttributeValues::certainlyEmpty);
    if (v instanceof Value.Conditional c) return certainlyEmpty(c.whenTrue()) || certainlyEmpty(c.whenFalse());
    return false;
  }

  /** Whether a setting is not written or certainly empty in some outcome. */
  public static boolean missing(Setting setting) {
    Optional<Value> v = setting.value();
    return v.isEmpty() || certainlyEmpty(v.get());
  }
}
