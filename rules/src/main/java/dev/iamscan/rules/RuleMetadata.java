package dev.iamscan.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule is, as typed fields: a stable id ({@code IAM001}), a slug for its name, its category,
 * its one severity, how precise it is, a one-line summary (no trailing period), a Markdown
 * description (why it matters, what is and is not reported), the remediation (how to fix, first
 * sentence first: reports show that sentence), examples, and reference links. Build one with
 * {@link #builder(String, String)}.
 */
public record RuleMetadata(
    String id,
    String slug,
    Category category,
    Severity severity,
    Precision precision,
    String summary,
    String description,
    String remediation,
    List<Example> examples,
    List<String> references) {

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

  /** Whether an example shows what the rule reports or what it accepts. */
  public enum ExampleKind {
    NONCOMPLIANT("Noncompliant"),
    COMPLIANT("Compliant");

    private final String label;

    ExampleKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A short example in the rule's help.
   *
   * @param language the Markdown fence language ({@code hcl}, {@code yaml}, {@code json})
   * @param code the snippet, ending with a line break
   */
  public record Example(ExampleKind kind, String language, String code) {
    public Example {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(code, "code");
      if (!code.endsWith("\n")) code = code + "\n";
    }
  }

  public RuleMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(remediation, "remediation");
    description = description.strip();
    remediation = remediation.strip();
    examples = List.copyOf(examples);
    references = List.copyOf(references);
    if (!ID.matcher(id).matches()) throw new IllegalArgumentException("rule id must look like IAM001: " + id);
    if (!SLUG.matcher(slug).matches()) throw new IllegalArgumentException("slug must be kebab-case: " + slug);
    if (summary.isBlank() || summary.endsWith(".")) {
      throw new IllegalArgumentException(id + ": summary must be non-blank without a trailing period");
    }
    if (description.isEmpty()) throw new IllegalArgumentException(id + ": a description is required");
    if (remediation.isEmpty()) throw new IllegalArgumentException(id + ": a remediation is required");
  }

  /** A builder with the id and slug set. */
  public static Builder builder(String id, String slug) {
    return new Builder(id, slug);
  }

  /** SARIF {@code name}: the slug in PascalCase. */
  public String name() {
    StringBuilder b = new StringBuilder();
    for (String part : slug.split("-")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }

  /** The help as one Markdown text: the description, how to fix, and the examples. */
  public String helpMarkdown() {
    StringBuilder b = new StringBuilder(description).append("\n\n**How to fix:** ").append(remediation).append('\n');
    for (Example e : examples) {
      b.append('\n').append(e.kind().label()).append(":\n```").append(e.language()).append('\n').append(e.code())
          .append("```\n");
    }
    return b.toString();
  }

  /** Builds a {@link RuleMetadata}; every field but the examples and references is required. */
  public static final class Builder {
    private final String id;
    private final String slug;
    private Category category;
    private Severity severity;
    private Precision precision;
    private String summary;
    private String description;
    private String remediation;
    private final List<Example> examples = new ArrayList<>();
    private final List<String> references = new ArrayList<>();

    private Builder(String id, String slug) {
      this.id = id;
      this.slug = slug;
    }

    public Builder category(Category category) {
      this.category = category;
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = severity;
      return this;
    }

    public Builder precision(Precision precision) {
      this.precision = precision;
      return this;
    }

    public Builder summary(String summary) {
      this.summary = summary;
      return this;
    }

    /** Markdown: why it matters, what is and is not reported. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** Markdown: how to fix; its first sentence is the one-line fix reports show. */
    public Builder remediation(String remediation) {
      this.remediation = remediation;
      return this;
    }

    public Builder noncompliant(String language, String code) {
      examples.add(new Example(ExampleKind.NONCOMPLIANT, language, code));
      return this;
    }

    public Builder compliant(String language, String code) {
      examples.add(new Example(ExampleKind.COMPLIANT, language, code));
      return this;
    }

    public Builder references(String... urls) {
      references.addAll(List.of(urls));
      return this;
    }

    public RuleMetadata build() {
      return new RuleMetadata(id, slug, category, severity, precision, summary, description, remediation, examples,
          references);
    }
  }
}
