package dev.iamscan.scanner.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Examples for a rule's documentation, cut from its test fixtures ({@code testdata/rules/<ID>-<slug>/}):
 * the smallest top-level block that a marker says the rule flags, and the smallest one it must not
 * flag. Taking them from the fixtures means every example shown is one the tests check.
 */
final class FixtureExamples {
  private static final Pattern MARKER =
      Pattern.compile("^\\s*(?:#|//)\\s*(expect|ok|todo-expect|todo-ok)\\s*:\\s*([A-Z0-9, ]+?)\\s*$");
  private static final Pattern SIDECAR =
      Pattern.compile("^(\\d+)\\s+(expect|ok|todo-expect|todo-ok)\\s*:\\s*([A-Z0-9, ]+?)\\s*$");
  private static final Pattern TF_BLOCK = Pattern.compile("^[a-z_]+(\\s+\"[^\"]*\")*\\s*\\{\\s*$");
  private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*$");
  private static final Pattern YAML_KEY = Pattern.compile("^\\s*[A-Za-z0-9]+:\\s*$");

  /** A snippet and the Markdown fence language it is written in. */
  record Example(String language, String code) {}

  private record Block(int start, int end) {
    int size() {
      return end - start;
    }

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
    return find(ruleId, slug, true);
  }

  Optional<Example> compliant(String ruleId, String slug) {
    return find(ruleId, slug, false);
  }

  private Optional<Example> find(String ruleId, String slug, boolean flagged) {
    Path dir = root.resolve(ruleId + "-" + slug);
    if (!Files.isDirectory(dir)) return Optional.empty();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> language(p) != null).sorted(Comparator
          .comparing((Path p) -> language(p).equals("hcl") ? 0 : 1)
          .thenComparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      return Optional.empty();
    }
    for (Path file : files) {
      Optional<Example> e = fromFile(file, ruleId, flagged);
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

  private Optional<Example> fromFile(Path file, String ruleId, boolean flagged) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    Map<Integer, Set<String>> expect = new HashMap<>();
    Map<Integer, Set<String>> ok = new HashMap<>();
    markers(file, lines, ruleId, expect, ok);
    boolean hcl = language(file).equals("hcl");
    List<Block> blocks = hcl ? terraformBlocks(lines) : yamlBlocks(lines);
    Block best = null;
    for (Block b : blocks) {
      boolean hasExpect = expect.keySet().stream().anyMatch(b::holds);
      boolean hasOk = ok.keySet().stream().anyMatch(b::holds);
      boolean fits = flagged ? hasExpect : hasOk && !hasExpect;
      if (fits && (best == null || b.size() < best.size())) best = b;
    }
    if (best == null) return Optional.empty();
    StringBuilder code = new StringBuilder();
    if (!hcl) code.append("Resources:\n");
    for (int i = best.start(); i <= best.end(); i++) {
      String line = lines.get(i - 1);
      if (MARKER.matcher(line).matches()) continue;
      code.append(line.stripTrailing()).append('\n');
    }
    return Optional.of(new Example(hcl ? "hcl" : "yaml", code.toString()));
  }

  /** Lines each marker for the rule applies to: inline markers apply to the next non-comment line. */
  private static void markers(Path file, List<String> lines, String ruleId, Map<Integer, Set<String>> expect,
      Map<Integer, Set<String>> ok) {
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i));
      if (!m.matches()) continue;
      int target = i + 1;
      while (target < lines.size() && (lines.get(target).isBlank() || isComment(lines.get(target)))) target++;
      add(m.group(1), m.group(2), ruleId, target + 1, expect, ok);
    }
    Path sidecar = file.resolveSibling(file.getFileName() + ".expect");
    if (Files.isRegularFile(sidecar)) {
      try {
        for (String line : Files.readAllLines(sidecar, StandardCharsets.UTF_8)) {
          Matcher m = SIDECAR.matcher(line.strip());
          if (m.matches()) add(m.group(2), m.group(3), ruleId, Integer.parseInt(m.group(1)), expect, ok);
        }
      } catch (IOException e) {
        // no sidecar markers then
      }
    }
  }

  private static boolean isComment(String line) {
    String t = line.strip();
    return t.startsWith("#") || t.startsWith("//");
  }

  private static void add(String kind, String ids, String ruleId, int line, Map<Integer, Set<String>> expect,
      Map<Integer, Set<String>> ok) {
    boolean mentions = List.of(ids.split("[,\\s]+")).contains(ruleId);
    if (!mentions) return;
    if (kind.equals("expect")) expect.computeIfAbsent(line, k -> new java.util.HashSet<>()).add(ruleId);
    if (kind.equals("ok")) ok.computeIfAbsent(line, k -> new java.util.HashSet<>()).add(ruleId);
    // todo markers count as expected findings here: a known gap is not a good compliant example.
    if (kind.equals("todo-expect")) expect.computeIfAbsent(line, k -> new java.util.HashSet<>()).add(ruleId);
  }

  /** Top-level blocks, with a comment right above one taken as part of it; heredoc bodies skipped. */
  private static List<Block> terraformBlocks(List<String> lines) {
    List<Block> out = new ArrayList<>();
    String heredoc = null;
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (heredoc != null) {
        if (line.strip().equals(heredoc)) heredoc = null;
        continue;
      }
      Matcher h = HEREDOC.matcher(line);
      if (h.find() && !isComment(line)) heredoc = h.group(1);
      if (start < 0 && TF_BLOCK.matcher(line).matches()) {
        start = i + 1;
        while (start > 1 && isComment(lines.get(start - 2))) start--;
      } else if (start > 0 && line.equals("}")) {
        out.add(new Block(start, i + 1));
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
          out.add(new Block(start, last));
          start = -1;
        }
        if (!isComment(line)) start = i + 1;
        if (isComment(line)) continue;
      }
      last = i + 1;
    }
    if (start > 0) out.add(new Block(start, last));
    return out;
  }
}
