package dev.iamscan.rules.graph;

import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Conditions that provably never hold, so the statement never applies: a time test that ended in
 * the past ({@code DateLessThan} on {@code aws:CurrentTime} or {@code aws:TokenIssueTime}), and
 * tests of one key that contradict each other ({@code Bool} true and false, {@code Null} true and
 * false). Any other condition narrows when a statement applies, not what it grants, so it stays.
 * The principal graph and the statement-level rules (through {@code OverbroadActions}) share this
 * one check.
 */
public final class ConditionFeasibility {
  private final Instant now;

  public ConditionFeasibility(Instant now) {
    this.now = now;
  }

  /** Why the statement's conditions can never all hold, or empty. */
  public Optional<String> neverHolds(PolicyStatement s) {
    Map<String, String> bool = new HashMap<>();
    Map<String, String> isNull = new HashMap<>();
    for (ConditionClause c : s.conditions()) {
      if (c.hasUnknown() || c.operator().contains(":") || c.ifExists()) continue;
      String op = c.baseOperator();
      String key = c.lowerKey();
      if ((op.equals("DateLessThan") || op.equals("DateLessThanEquals"))
          && (key.equals("aws:currenttime") || key.equals("aws:tokenissuetime"))) {
        Optional<Instant> latest = latest(c.values());
        if (latest.isPresent() && latest.get().isBefore(now)) {
          return Optional.of("its condition %s %s %s ended in the past".formatted(op, c.key(), latest.get()));
        }
      }
      if ((op.equals("Bool") || op.equals("Null")) && c.values().size() == 1) {
        String v = c.values().get(0).value().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) continue;
        Map<String, String> seen = op.equals("Bool") ? bool : isNull;
        String before = seen.putIfAbsent(key, v);
        if (before != null && !before.equals(v)) {
          return Optional.of("its condition tests %s %s both true and false".formatted(op, c.key()));
        }
      }
      // Bool on a key that Null says is absent cannot hold either.
    }
    for (Map.Entry<String, String> e : bool.entrySet()) {
      if ("true".equals(isNull.get(e.getKey()))) {
        return Optional.of("its condition requires %s both absent (Null) and set (Bool)".formatted(e.getKey()));
      }
    }
    return Optional.empty();
  }

  /** The latest of the dates, when every one parses. */
  private static Optional<Instant> latest(List<LocatedString> values) {
    if (values.isEmpty()) return Optional.empty();
    Instant max = null;
    for (LocatedString v : values) {
      Optional<Instant> t = parse(v.value().trim());
      if (t.isEmpty()) return Optional.empty();
      if (max == null || t.get().isAfter(max)) max = t.get();
    }
    return Optional.of(max);
  }

  static Optional<Instant> parse(String s) {
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      // a date alone, or epoch seconds
    }
    try {
      return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // not a date
    }
    if (!s.isEmpty() && s.length() <= 12 && s.chars().allMatch(Character::isDigit)) {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(s)));
    }
    return Optional.empty();
  }
}
