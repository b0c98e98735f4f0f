package dev.iamscan.policy;

import dev.iamscan.model.SourceRange;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The values of a statement element such as {@code Action} or {@code Resource}: those known, and
 * whether some could not be resolved.
 *
 * @param present whether the element was written at all
 * @param range where the element was written (its key), or the statement when absent
 */
public record StringSet(boolean present, List<LocatedString> known, boolean hasUnknown, SourceRange range) {
  public StringSet {
    known = List.copyOf(known);
  }

  public static StringSet absent(SourceRange range) {
    return new StringSet(false, List.of(), false, range);
  }

  /** The first known value equal to one of {@code values}, ignoring case. */
  public Optional<LocatedString> find(String... values) {
    for (LocatedString s : known) {
      for (String v : values) {
        if (s.value().equalsIgnoreCase(v)) return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Whether a known value is exactly {@code *} (or {@code *:*} for actions). */
  public Optional<LocatedString> wildcardAll() {
    return find("*", "*:*");
  }

  public boolean isEmpty() {
    return known.isEmpty() && !hasUnknown;
  }

  public List<String> lowerCaseValues() {
    return known.stream().map(s -> s.value().toLowerCase(Locale.ROOT)).toList();
  }
}
