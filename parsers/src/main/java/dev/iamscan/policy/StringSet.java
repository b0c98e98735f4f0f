package dev.iamscan.policy;

import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The values of a statement element such as {@code Action} or {@code Resource}: those known, and
 * whether some could not be resolved.
 *
 * @param present whether the element was written at all
 * @param range where the element was written (its key), or the statement when absent
 * @param partial unresolved values that are string templates, with each unresolved part written as
 *     {@code Value.Unknown.HOLE} (such as {@code arn:<hole>:iam::<hole>:user/${aws:username}}); they
 *     count in {@code hasUnknown} too
 * @param opaque some value is entirely unknown (not even a template)
 * @param named values written as references to resources of the scan (they are opaque too)
 * @param opaqueBeyondNamed some entirely unknown value is not one of {@code named}
 */
public record StringSet(boolean present, List<LocatedString> known, boolean hasUnknown, SourceRange range,
    List<LocatedString> partial, boolean opaque, List<NamedResource> named, boolean opaqueBeyondNamed) {
  /**
   * A value written as a reference to a resource of the scan ({@code aws_iam_role.x.arn},
   * {@code !GetAtt X.Arn}): unknown as text, but which resource it names is known.
   *
   * @param attribute the attribute referred to ({@code arn}), or null for a CloudFormation Ref
   */
  public record NamedResource(Resource resource, String attribute, SourceRange range) {}

  public StringSet {
    known = List.copyOf(known);
    partial = List.copyOf(partial);
    named = List.copyOf(named);
  }

  public StringSet(boolean present, List<LocatedString> known, boolean hasUnknown, SourceRange range,
      List<LocatedString> partial, boolean opaque) {
    this(present, known, hasUnknown, range, partial, opaque, List.of(), opaque);
  }

  public StringSet(boolean present, List<LocatedString> known, boolean hasUnknown, SourceRange range) {
    this(present, known, hasUnknown, range, List.of(), hasUnknown);
  }

  /**
   * Whether every value, known or a template with unresolved parts, satisfies {@code test}: false
   * when there is no value or some value is entirely unknown.
   */
  public boolean allTexts(Predicate<String> test) {
    if (opaque || (known.isEmpty() && partial.isEmpty())) return false;
    return known.stream().map(LocatedString::value).allMatch(test)
        && partial.stream().map(LocatedString::value).allMatch(test);
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
