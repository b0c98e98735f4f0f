package dev.iamscan.state;

import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.Optional;

/**
 * One field of typed state as it was written: the name its format gives it (what messages and
 * evidence quote, {@code enable_logging} / {@code IsLogging}) and the located field, absent when
 * not written. The value is the model's: known, unknown, a reference or a conditional, with its
 * source range.
 */
public record Setting(String name, Optional<Value.Field> field) {
  public Setting {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(field, "field");
  }

  /** The field {@code key} of an object (a resource body, a nested block), by the name written. */
  public static Setting of(Value.ObjectValue body, String key) {
    return new Setting(key, body == null ? Optional.empty() : body.field(key));
  }

  /** A setting that is not written. */
  public static Setting absent(String name) {
    return new Setting(name, Optional.empty());
  }

  /** The field when written and not an explicit null ({@code null}, {@code AWS::NoValue}). */
  public Optional<Value.Field> written() {
    return field.filter(f -> !(f.value() instanceof Value.Null));
  }

  /** The value as written, explicit nulls included. */
  public Optional<Value> value() {
    return field.map(Value.Field::value);
  }

  /** Where the value is written, or {@code otherwise}. */
  public SourceRange valueRangeOr(SourceRange otherwise) {
    return field.map(f -> f.value().range()).orElse(otherwise);
  }
}
