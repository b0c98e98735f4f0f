package dev.iamscan.scanner.report;

import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.scanner.ToolInfo;

/** What reports say about a rule beyond its metadata: a description, a one-line fix, links. */
public final class RuleHelp {
  private RuleHelp() {}

  public static String helpUri(RuleMetadata rule) {
    return ToolInfo.RULE_DOCS + rule.id() + ".md";
  }

  /** GitHub code scanning refuses a rule whose {@code fullDescription} is longer than this. */
  public static final int FULL_DESCRIPTION_LIMIT = 1024;

  /**
   * The first paragraph of the description in plain text, or the summary; cut at the last whole
   * sentence (or word) that fits GitHub's limit, since the full text is in {@code help}.
   */
  public static String fullDescription(RuleMetadata rule) {
    return fit(firstParagraph(rule), FULL_DESCRIPTION_LIMIT);
  }

  static String fit(String text, int limit) {
    if (text.length() <= limit) return text;
    String head = text.substring(0, limit);
    int sentence = head.lastIndexOf(". ");
    if (sentence > 0) return head.substring(0, sentence + 1);
    int word = head.lastIndexOf(' ', limit - 2);
    return (word > 0 ? head.substring(0, word) : head.substring(0, limit - 1)) + "\u2026";
  }

  private static String firstParagraph(RuleMetadata rule) {
    StringBuilder paragraph = new StringBuilder();
    for (String line : rule.description().split("\\R")) {
      String t = line.strip();
      if (t.isEmpty()) {
        if (paragraph.length() > 0) break;
        continue;
      }
      if (paragraph.length() > 0) paragraph.append(' ');
      paragraph.append(t);
    }
    String text = paragraph.length() == 0 ? rule.summary() : plain(paragraph.toString());
    return text.endsWith(".") ? text : text + ".";
  }

  /** One line saying how to fix: the first sentence of the rule's remediation, in plain text. */
  public static String fix(RuleMetadata rule) {
    String paragraph = rule.remediation().strip().split("\\R\\s*\\R", 2)[0];
    return capitalise(firstSentence(plain(String.join(" ", paragraph.strip().split("\\s*\\R\\s*")))));
  }

  private static String firstSentence(String s) {
    int end = s.indexOf(". ");
    return end < 0 ? s : s.substring(0, end + 1);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The help as plain text: headings and inline code marks removed. */
  public static String helpText(RuleMetadata rule) {
    StringBuilder b = new StringBuilder(rule.summary()).append(".\n\n");
    for (String line : lines(rule)) {
      if (line.strip().startsWith("```")) continue; // fences mean nothing in plain text
      b.append(line.startsWith("#") ? line.replaceFirst("^#+\\s*", "") : plain(line)).append('\n');
    }
    return b.toString().strip() + "\n\nMore: " + helpUri(rule);
  }

  private static String[] lines(RuleMetadata rule) {
    return rule.helpMarkdown().split("\\R");
  }

  private static String plain(String s) {
    return s.replace("`", "").replaceAll("\\*\\*([^*]+)\\*\\*", "$1").replaceAll("\\[([^]]+)]\\(([^)]+)\\)", "$1 ($2)");
  }
}
