package dev.iamscan.schema;

import java.util.Collection;
import java.util.Optional;

/** The valid name a misspelt one was most likely meant to be ({@code ManagedPoliciesArns}). */
final class ClosestName {
  private ClosestName() {}

  /**
   * The candidate at the smallest edit distance, ignoring case, when it is close enough to be a
   * plausible typo (at most a third of the name's length, and at least two edits allowed).
   */
  static Optional<String> of(String name, Collection<String> candidates) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(lower, c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, name.length() / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance, two rows. */
  static int distance(String a, String b) {
    if (a.length() > 200 || b.length() > 200) return Integer.MAX_VALUE / 2;
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
