package dev.iamscan.scanner.suppress;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an {@code iamscan:ignore IAM001,IAM002 until=2025-12-31 -- reason} comment.
 *
 * @param ruleIds ids as written
 * @param until the expiry, or null
 * @param reason text after {@code --}, or empty
 * @param problems what could not be understood
 * @param badUntil the {@code until=} value when it is not a date (the comment then suppresses nothing), or null
 */
record IgnoreComment(List<String> ruleIds, LocalDate until, String reason, List<String> problems, String badUntil) {
  private static final Pattern DIRECTIVE = Pattern.compile("iamscan:ignore(?![\\w-])(.*)$");

  /** The directive in a comment's text, if the comment holds one. */
  static Optional<IgnoreComment> parse(String comment) {
    Matcher m = DIRECTIVE.matcher(comment);
    if (!m.find()) return Optional.empty();
    String rest = m.group(1);
    String reason = "";
    int dashes = rest.indexOf("--");
    if (dashes >= 0) {
      reason = rest.substring(dashes + 2).strip();
      rest = rest.substring(0, dashes);
    }
    List<String> ids = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    LocalDate until = null;
    String badUntil = null;
    for (String token : rest.strip().split("[,\\s]+")) {
      if (token.isEmpty()) continue;
      if (token.startsWith("until=")) {
        try {
          until = LocalDate.parse(token.substring("until=".length()));
        } catch (DateTimeParseException e) {
          badUntil = token.substring("until=".length());
        }
      } else {
        ids.add(token);
      }
    }
    if (ids.isEmpty()) problems.add("names no rule id (iamscan:ignore IAM001 -- reason)");
    return Optional.of(new IgnoreComment(ids, until, reason, problems, badUntil));
  }
}
