package dev.iamscan.policy;

import java.util.Locale;

/**
 * IAM wildcard matching: {@code *} matches any run of characters and {@code ?} one character.
 * Actions compare without regard to case ({@code IAM:PassRole} is {@code iam:passrole}); resource
 * ARNs compare with case.
 */
public final class ActionPattern {
  private ActionPattern() {}

  /** Whether the action pattern {@code pattern} (as written in a policy) covers {@code action}. */
  public static boolean matchesAction(String pattern, String action) {
    return matches(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT));
  }

  /** Glob match with {@code *} and {@code ?}, case-sensitive, without regular expressions. */
  public static boolean matches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') p++;
    return p == pattern.length();
  }

  /** The service prefix of an action ({@code iam} of {@code iam:PassRole}), lower case, or empty. */
  public static String service(String action) {
    int c = action.indexOf(':');
    return c < 0 ? "" : action.substring(0, c).toLowerCase(Locale.ROOT);
  }

  /** Whether an action pattern grants every action ({@code *}, {@code *:*}, {@code *:**}). */
  public static boolean isEverything(String pattern) {
    String p = pattern.trim();
    return p.equals("*") || (p.startsWith("*:") && p.substring(2).chars().allMatch(ch -> ch == '*'));
  }
}
