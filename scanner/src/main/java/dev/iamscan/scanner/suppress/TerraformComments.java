package dev.iamscan.scanner.suppress;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comments of a Terraform file, found line by line: the parser's model carries no comments.
 * Strings, heredocs and block comments are skipped, so a {@code #} inside them is not a comment.
 */
final class TerraformComments {
  private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*$");

  /**
   * A comment.
   *
   * @param line 1-based line
   * @param text the comment without its {@code #} or {@code //}
   * @param trailing whether code stands before it on the same line
   */
  record Comment(int line, String text, boolean trailing) {}

  /**
   * What the scan learned about one file.
   *
   * @param comments every line or trailing comment
   * @param code per line (index 0 = line 1): whether it holds code, as opposed to blank or comment only
   */
  record Scan(List<Comment> comments, boolean[] code) {
    /** The first line after {@code line} that holds code, or -1. */
    int nextCodeLine(int line) {
      for (int i = line; i < code.length; i++) {
        if (code[i]) return i + 1;
      }
      return -1;
    }
  }

  private TerraformComments() {}

  static Scan scan(List<String> lines) {
    List<Comment> comments = new ArrayList<>();
    boolean[] code = new boolean[lines.size()];
    String heredocEnd = null;
    boolean inBlockComment = false;
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (heredocEnd != null) {
        code[n] = true;
        if (line.strip().equals(heredocEnd)) heredocEnd = null;
        continue;
      }
      boolean inString = false;
      boolean sawCode = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (inBlockComment) {
          if (c == '*' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
            inBlockComment = false;
            i++;
          }
          continue;
        }
        if (inString) {
          if (c == '\\') i++;
          else if (c == '"') inString = false;
          continue;
        }
        if (c == '"') {
          inString = true;
          sawCode = true;
        } else if (c == '#' || (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/')) {
          int start = c == '#' ? i + 1 : i + 2;
          comments.add(new Comment(n + 1, line.substring(start), sawCode));
          break;
        } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '*') {
          inBlockComment = true;
          i++;
        } else if (!Character.isWhitespace(c)) {
          sawCode = true;
        }
      }
      code[n] = sawCode;
      if (sawCode && !inString) {
        Matcher h = HEREDOC.matcher(line);
        if (h.find()) heredocEnd = h.group(1);
      }
    }
    return new Scan(comments, code);
  }
}
