package dev.iamscan.rules;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule is: a stable id ({@code IAM001}), a slug for its name, its category and default
 * severity, a one-line summary (no trailing period), Markdown help (why it matters, how to fix, a
 * fixed example), reference links, and which formats it reads.
 */
public record RuleMetadata(
    String id,
    String slug,
    Category category,
    Severity severity,
    String summary,
    String helpMarkdown,
    List<String> references,
    Precision precision) {

  private static final Pattern ID = Pattern.compile("IAM\\d{3}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** SARIF {@code properties.precision}. */
  public enum Precision {
    VERY_HIGH("very-high"),
    HIGH("high"),
    MEDIUM("medium"),
    LOW("low");

    private final String sarif;

    Precision(String sarif) {
      this.sarif = sarif;
    }

    public String sarif() {
      return sarif;
    }
  }

  public RuleMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(helpMarkdown, "helpMarkdown");
    Objects.requireNonNull(precision, "precision");
    references = List.copyOf(references);
    if (!ID.matcher(id).matches()) throw new IllegalArgumentException("rule id must look like IAM001: " + id);
    if (!SLUG.matcher(slug).matches()) throw new IllegalArgumentException("slug must be kebab-case: " + slug);
    if (summary.isBlank() || summary.endsWith(".")) {
      throw new IllegalArgumentException(id + ": summary must be non-blank without a trailing period");
    }
    if (helpMarkdown.isBlank()) throw new IllegalArgumentException(id + ": help is required");
  }

  /** SARIF {@code name}: the slug in PascalCase. */
  public String name() {
    StringBuilder b = new StringBuilder();
    for (String part : slug.split("-")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }
}
