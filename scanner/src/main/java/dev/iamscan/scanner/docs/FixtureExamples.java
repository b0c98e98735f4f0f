package dev.iamscan.scanner.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.iamscan.rules.fixtures.FixtureMarkers;
import dev.iamscan.rules.fixtures.FixtureMarkers.Kind;
import dev.iamscan.rules.fixtures.FixtureMarkers.Marker;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Examples for a rule's documentation, cut from its test fixtures ({@code testdata/rules/<ID>-<slug>/}):
 * the top-level block (Terraform block or CloudFormation resource) that starts on the line after a
 * {@code # example: noncompliant} or {@code # example: compliant} marker. The marker is explicit so
 * an example is chosen by a person, never by a guess; it is checked against the fixture's markers:
 * a noncompliant example holds an {@code expect} marker of the rule, a compliant one an {@code ok}
 * marker and nothing the rule reports or misses. Markers are read by {@link FixtureMarkers}, as in
 * the fixture tests, so every example shown is one the tests check.
 */
final class FixtureExamples {
  private static final Pattern TF_BLOCK = Pattern.compile("^[a-z_]+(\\s+\"[^\"]*\")*\\s*\\{\\s*$");
  private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*$");
  private static final Pattern YAML_KEY = Pattern.compile("^\\s*[A-Za-z0-9]+:\\s*$");

  /** A snippet and the Markdown fence language it is written in. */
  record Example(String language, String code) {}

  /** Lines {@code start..end} (1-based, inclusive; comments above included), opened on line {@code header}. */
  private record Block(int start, int header, int end) {
    boolean holds(int line) {
      return start <= line && line <= end;
    }
  }

  private final Path root;

  /** @param root the folder holding {@code <ID>-<slug>} folders; may not exist */
  FixtureExamples(Path root) {
    this.root = root;
  }

  Optional<Example> noncompliant(String ruleId, String slug) {
    return find(ruleId, slug, FixtureMarkers.Example.NONCOMPLIANT);
  }

  Optional<Example> compliant(String ruleId, String slug) {
    return find(ruleId, slug, FixtureMarkers.Example.COMPLIANT);
  }

  private Optional<Example> find(String ruleId, String slug, FixtureMarkers.Example which) {
    Path dir = root.resolve(ruleId + "-" + slug);
    if (!Files.isDirectory(dir)) return Optional.empty();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> language(p) != null).sorted(Comparator
          .comparing((Path p) -> language(p).equals("hcl") ? 0 : 1)
          .thenComparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      Optional<Example> e = fromFile(file, ruleId, which);
      if (e.isPresent()) return e;
    }
    return Optional.empty();
  }

  private static String language(Path p) {
    String n = p.getFileName().toString();
    if (n.endsWith(".tf")) return "hcl";
    if (n.endsWith(".yaml") || n.endsWith(".yml")) return "yaml";
    return null;
  }

  private Optional<Example> fromFile(Path file, String ruleId, FixtureMarkers.Example which) {
    List<Marker> markers = FixtureMarkers.read(file);
    Optional<Marker> chosen = markers.stream()
        .filter(m -> m.kind() == Kind.EXAMPLE && m.example().orElseThrow() == which).findFirst();
    if (chosen.isEmpty()) return Optional.empty();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean hcl = language(file).equals("hcl");
    int at = chosen.get().line();
    Block block = (hcl ? terraformBlocks(lines) : yamlBlocks(lines)).stream()
        .filter(b -> b.header() == at).findFirst()
        .orElseThrow(() -> new IllegalStateException(chosen.get().declaredAt()
            + ": an example marker must stand right above a top-level block"));
    List<Marker> inside = markers.stream().filter(m -> m.rule().equals(ruleId) && block.holds(m.line())).toList();
    boolean expect = inside.stream().anyMatch(m -> m.kind() == Kind.EXPECT);
    boolean ok = inside.stream().anyMatch(m -> m.kind() == Kind.OK);
    boolean todo = inside.stream().anyMatch(m -> m.kind() == Kind.TODO_OK || m.kind() == Kind.TODO_EXPECT);
    if (which == FixtureMarkers.Example.NONCOMPLIANT && !expect) {
      throw new IllegalStateException(chosen.get().declaredAt() + ": the noncompliant example of " + ruleId
          + " holds no 'expect: " + ruleId + "' marker");
    }
    if (which == FixtureMarkers.Example.COMPLIANT && (!ok || expect || todo)) {
      throw new IllegalStateException(chosen.get().declaredAt() + ": the compliant example of " + ruleId
          + " must hold an 'ok: " + ruleId + "' marker and no expect or todo marker of it");
    }
    StringBuilder code = new StringBuilder();
    if (!hcl) code.append("Resources:\n");
    for (int i = block.start(); i <= block.end(); i++) {
      String line = lines.get(i - 1);
      if (FixtureMarkers.isMarker(line)) continue;
      code.append(line.stripTrailing()).append('\n');
    }
    return Optional.of(new Example(hcl ? "hcl" : "yaml", code.toString()));
  }

  private static boolean isComment(String line) {
    return FixtureMarkers.isComment(line);
  }

  /** Top-level blocks, with a comment right above one taken as part of it; heredoc bodies skipped. */
  private static List<Block> terraformBlocks(List<String> lines) {
    List<Block> out = new ArrayList<>();
    String heredoc = null;
    int start = -1;
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (heredoc != null) {
        if (line.strip().equals(heredoc)) heredoc = null;
        continue;
      }
      Matcher h = HEREDOC.matcher(line);
      if (h.find() && !isComment(line)) heredoc = h.group(1);
      if (start < 0 && TF_BLOCK.matcher(line).matches()) {
        header = i + 1;
        start = header;
        while (start > 1 && isComment(lines.get(start - 2))) start--;
      } else if (start > 0 && line.equals("}")) {
        out.add(new Block(start, header, i + 1));
        start = -1;
      }
    }
    return out;
  }

  /** Entries of a CloudFormation template's {@code Resources}. */
  private static List<Block> yamlBlocks(List<String> lines) {
    List<Block> out = new ArrayList<>();
    int resources = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("Resources:")) {
        resources = i;
        break;
      }
    }
    if (resources < 0) return out;
    int indent = -1;
    int start = -1;
    int last = -1;
    for (int i = resources + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) continue;
      int ind = line.length() - line.stripLeading().length();
      if (indent < 0) {
        if (isComment(line)) continue;
        indent = ind;
      }
      if (ind == 0 && !isComment(line)) break; // the next top-level section
      if (ind <= indent && (isComment(line) || YAML_KEY.matcher(line).matches())) {
        if (start > 0 && !isComment(line)) {
          out.add(new Block(start, start, last));
          start = -1;
        }
        if (!isComment(line)) start = i + 1;
        if (isComment(line)) continue;
      }
      last = i + 1;
    }
    if (start > 0) out.add(new Block(start, start, last));
    return out;
  }
}
