package dev.iamscan.cloudformation;

import java.util.Arrays;

/**
 * Line starts of a source text, so that positions reported by the YAML parser can be checked
 * against the characters actually written there (block scalar indicators, quotes, flow brackets).
 */
final class SourceLines {
  private final String text;
  private final int[] starts;
  private final int count;

  SourceLines(String text) {
    this.text = text;
    int[] s = new int[64];
    int n = 0;
    s[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (n == s.length) s = Arrays.copyOf(s, n * 2);
        s[n++] = i + 1;
      }
    }
    this.starts = s;
    this.count = n;
  }

  int lineCount() {
    return count;
  }

  /** The text of a 1-based line without its line break; empty when out of range. */
  String line(int line) {
    if (line < 1 || line > count) return "";
    int from = starts[line - 1];
    int to = line < count ? starts[line] : text.length();
    while (to > from && (text.charAt(to - 1) == '\n' || text.charAt(to - 1) == '\r')) to--;
    return text.substring(from, to);
  }

  /**
   * The character offset in the whole text of a 1-based line and column. SnakeYAML counts columns
   * in code points, so a line with characters outside the BMP before the column needs converting.
   */
  int offset(int line, int column) {
    if (line < 1 || line > count) return -1;
    int from = starts[line - 1];
    int to = line < count ? starts[line] : text.length();
    int off = from;
    for (int cp = 1; cp < column && off < to; cp++) {
      off += Character.charCount(text.codePointAt(off));
    }
    return off;
  }

  /** The character at an offset, or 0 past the end. */
  char charAt(int offset) {
    return offset >= 0 && offset < text.length() ? text.charAt(offset) : 0;
  }

  /** The 1-based line holding an offset. */
  int lineOf(int offset) {
    int i = Arrays.binarySearch(starts, 0, count, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }
}
