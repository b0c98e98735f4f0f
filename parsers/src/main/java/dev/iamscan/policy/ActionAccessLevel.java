package dev.iamscan.policy;

import java.util.List;
import java.util.Locale;

/**
 * A coarse access level for action patterns, used to rank public grants: reading (names starting
 * with {@code Get}, {@code List}, {@code Describe}, ...) or anything else, which may write, delete,
 * change permissions or spend. A pattern is read-only only when every action it can match is: {@code
 * s3:Get*} is, {@code s3:*Object} is not (it matches {@code s3:PutObject}).
 */
public final class ActionAccessLevel {
  private static final List<String> READ_PREFIXES = List.of(
      "get", "list", "describe", "head", "batchget", "search", "query", "view", "lookup");

  private ActionAccessLevel() {}

  /** Whether every action {@code pattern} can match only reads or lists. */
  public static boolean isReadOnly(String pattern) {
    String p = pattern.trim().toLowerCase(Locale.ROOT);
    int colon = p.indexOf(':');
    if (colon <= 0) return false;
    String name = p.substring(colon + 1);
    int star = name.indexOf('*');
    int question = name.indexOf('?');
    int firstWildcard = Math.min(star < 0 ? name.length() : star, question < 0 ? name.length() : question);
    for (String prefix : READ_PREFIXES) {
      // The prefix must be written out before any wildcard, or the pattern may match other verbs.
      if (name.startsWith(prefix) && firstWildcard >= prefix.length()) return true;
    }
    return false;
  }
}
