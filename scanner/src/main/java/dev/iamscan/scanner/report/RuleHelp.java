package dev.iamscan.scanner.report;

import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.scanner.ToolInfo;
import java.util.Locale;

/** What reports say about a rule beyond its metadata: a description, a one-line fix, links. */
public final class RuleHelp {
  private RuleHelp() {}

  public static String helpUri(RuleMetadata rule) {
    return ToolInfo.RULE_DOCS + rule.id() + ".md";
  }

  /** The first paragraph of the help that is not a heading, or the summary. */
  public static String fullDescription(RuleMetadata rule) {
    StringBuilder paragraph = new StringBuilder();
    for (String line : lines(rule)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || t.startsWith("```")) {
        if (paragraph.length() > 0) break;
        continue;
      }
      if (paragraph.length() > 0) paragraph.append(' ');
      paragraph.append(t);
    }
    String text = paragraph.length() == 0 ? rule.summary() : plain(paragraph.toString());
    return text.endsWith(".") ? text : text + ".";
  }

  /** The first line after a "How to fix" heading, or a pointer to the rule's page. */
  public static String fix(RuleMetadata rule) {
    boolean inFix = false;
    for (String line : lines(rule)) {
      String t = line.strip();
      if (t.startsWith("#")) {
        inFix = t.toLowerCase(Locale.ROOT).contains("how to fix") || t.toLowerCase(Locale.ROOT).contains("remediation");
        continue;
      }
      if (inFix && !t.isEmpty() && !t.startsWith("```")) {
        return plain(t.replaceFirst("^([-*+]|\\d+\\.)\\s+", ""));
      }
    }
    return "See " + helpUri(rule);
  }

  /** The help as plain text: headings and inline code marks removed. */
  public static String helpText(RuleMetadata rule) {
    StringBuilder b = new StringBuilder(rule.summary()).append(".\n\n");
    for (String line : lines(rule)) {
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
