package dev.iamscan.scanner.docs;

import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rules' documentation, generated from their metadata and fixtures: one page per rule
 * ({@code docs/rules/<ID>.md}) and the rule table between {@code <!-- rules:start -->} and
 * {@code <!-- rules:end -->} in the README.
 */
public final class RuleDocs {
  public static final String START = "<!-- rules:start -->";
  public static final String END = "<!-- rules:end -->";
  public static final String REGENERATE = "./iamscan rules docs --write";
  /** Files that may hold the rule table, relative to the project root. */
  static final List<String> TABLE_FILES = List.of("README.md");

  private final List<RuleMetadata> rules;
  private final FixtureExamples examples;

  /** @param fixtures the {@code testdata/rules} folder (or its copy in the jar) */
  public RuleDocs(List<Rule> rules, Path fixtures) {
    this.rules = rules.stream().map(Rule::metadata).sorted(Comparator.comparing(RuleMetadata::id)).toList();
    this.examples = new FixtureExamples(fixtures);
  }

  /**
   * The fixtures of a source checkout when {@code projectRoot} is one, else the copy packaged in the jar.
   */
  public static Path fixtures(Path projectRoot) {
    Path checkout = projectRoot.resolve("testdata").resolve("rules");
    if (Files.isDirectory(checkout)) return checkout;
    return packagedFixtures().orElse(checkout);
  }

  private static Optional<Path> packagedFixtures() {
    URL url = RuleDocs.class.getResource("/iamscan/fixtures");
    if (url == null) return Optional.empty();
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          // opened before in this process; Path.of finds it
        }
      }
      return Optional.of(Path.of(uri));
    } catch (URISyntaxException | IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public List<RuleMetadata> rules() {
    return rules;
  }

  /** The Markdown page of a rule. */
  public String page(RuleMetadata rule) {
    StringBuilder b = new StringBuilder();
    b.append("<!-- Generated from the rule's metadata and testdata/rules fixtures by `").append(REGENERATE)
        .append("`; do not edit. -->\n\n");
    b.append("# ").append(rule.id()).append(": ").append(rule.summary()).append("\n\n");
    b.append("| | |\n|---|---|\n");
    b.append("| Name | `").append(rule.name()).append("` |\n");
    b.append("| Category | `").append(rule.category().id()).append("` |\n");
    b.append("| Severity | ").append(rule.severity().label()).append(" |\n");
    b.append("| Precision | ").append(rule.precision().sarif()).append(" |\n\n");
    b.append(demoteHeadings(rule.helpMarkdown().strip())).append("\n");
    examples.noncompliant(rule.id(), rule.slug()).ifPresent(e -> example(b, "Noncompliant example", e));
    examples.compliant(rule.id(), rule.slug()).ifPresent(e -> example(b, "Compliant example", e));
    b.append("\n## Suppressing\n\n```hcl\n# iamscan:ignore ").append(rule.id())
        .append(" -- why this is accepted\n```\n\n");
    b.append("```yaml\nMetadata:\n  iamscan:\n    ignore:\n      - id: ").append(rule.id())
        .append("\n        reason: why this is accepted\n```\n");
    if (!rule.references().isEmpty()) {
      b.append("\n## References\n\n");
      for (String r : rule.references()) b.append("- <").append(r).append(">\n");
    }
    return b.toString();
  }

  /** The help's own headings sit below the page title. */
  private static String demoteHeadings(String markdown) {
    StringBuilder out = new StringBuilder();
    boolean fence = false;
    for (String line : markdown.split("\\R", -1)) {
      if (line.strip().startsWith("```")) fence = !fence;
      out.append(!fence && line.startsWith("# ") ? "#" + line : line).append('\n');
    }
    return out.toString();
  }

  private static void example(StringBuilder b, String title, FixtureExamples.Example e) {
    b.append("\n## ").append(title).append("\n\n```").append(e.language()).append('\n').append(e.code())
        .append("```\n");
  }

  /** The rule table, with links relative to {@code fromDirectory} ("" for the root, "docs"). */
  public String table(String fromDirectory) {
    String prefix = fromDirectory.isEmpty() ? "docs/rules/" : "rules/";
    StringBuilder b = new StringBuilder("| ID | Category | Severity | Summary |\n|---|---|---|---|\n");
    for (RuleMetadata r : rules) {
      b.append("| [").append(r.id()).append("](").append(prefix).append(r.id()).append(".md) | `")
          .append(r.category().id()).append("` | ").append(r.severity().label()).append(" | ")
          .append(r.summary().replace("|", "\\|")).append(" |\n");
    }
    return b.toString();
  }

  /**
   * Every generated file and its expected content, relative to the project root. Pages of rules no
   * longer in the catalog map to null (to be deleted).
   */
  public Map<String, String> expected(Path projectRoot) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    for (RuleMetadata r : rules) files.put("docs/rules/" + r.id() + ".md", page(r));
    Path pages = projectRoot.resolve("docs/rules");
    if (Files.isDirectory(pages)) {
      try (Stream<Path> s = Files.list(pages)) {
        for (Path p : s.sorted().toList()) {
          String key = "docs/rules/" + p.getFileName();
          if (p.getFileName().toString().matches("IAM\\d{3}\\.md") && !files.containsKey(key)) files.put(key, null);
        }
      }
    }
    for (String name : TABLE_FILES) {
      Path f = projectRoot.resolve(name);
      if (!Files.isRegularFile(f)) continue;
      String text = Files.readString(f, StandardCharsets.UTF_8);
      int s = text.indexOf(START);
      int e = text.indexOf(END);
      if (s < 0 || e < s) continue;
      String dir = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
      files.put(name, text.substring(0, s + START.length()) + "\n" + table(dir) + text.substring(e));
    }
    return files;
  }

  /** Files whose content differs from what would be generated. */
  public List<String> stale(Path projectRoot) throws IOException {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : expected(projectRoot).entrySet()) {
      Path f = projectRoot.resolve(e.getKey());
      String actual = Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : null;
      if (!java.util.Objects.equals(actual, e.getValue())) out.add(e.getKey());
    }
    return out;
  }

  /** Writes what is stale; returns the files changed. */
  public List<String> write(Path projectRoot) throws IOException {
    List<String> changed = stale(projectRoot);
    Map<String, String> expected = expected(projectRoot);
    for (String name : changed) {
      Path f = projectRoot.resolve(name);
      String content = expected.get(name);
      if (content == null) {
        Files.deleteIfExists(f);
      } else {
        Files.createDirectories(f.getParent());
        Files.writeString(f, content, StandardCharsets.UTF_8);
      }
    }
    return changed;
  }
}
