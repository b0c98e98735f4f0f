package dev.iamscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.iamscan.cloudformation.CloudFormationParser;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.terraform.TerraformModuleParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per fixture file under {@code testdata/rules/<ID>-<slug>/}. A marker is a whole-line
 * comment that applies to the next non-comment line: {@code # expect: IAM001} (must be flagged
 * there), {@code # ok: IAM001} (must not), {@code # todo-expect:} / {@code # todo-ok:} for known
 * gaps. JSON fixtures keep their markers in {@code NAME.json.expect} as {@code LINE expect: IAM001}.
 * Strict both ways: for every rule id the file mentions (and the rule of its folder), the findings
 * must be exactly the expected lines.
 */
class RuleFixtureTest {
  static final Path ROOT = Path.of("..", "testdata", "rules");
  private static final Pattern MARKER =
      Pattern.compile("^\\s*(?:#|//)\\s*(expect|ok|todo-expect|todo-ok)\\s*:\\s*([A-Z0-9, ]+?)\\s*$");
  private static final Pattern SIDECAR = Pattern.compile("^(\\d+)\\s+(expect|ok|todo-expect|todo-ok)\\s*:\\s*([A-Z0-9, ]+?)\\s*$");
  private static final Pattern DIR = Pattern.compile("(IAM\\d{3})-[a-z0-9-]+");

  record Marker(int line, String kind, String rule) {}

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(ROOT)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        Matcher m = DIR.matcher(dir.getFileName().toString());
        if (!m.matches()) continue;
        String ruleId = m.group(1);
        Scanned scanned = scan(dir);
        for (Path file : fixtureFiles(dir)) {
          tests.add(DynamicTest.dynamicTest(dir.getFileName() + "/" + file.getFileName(),
              file.toUri(), () -> check(ruleId, dir, file, scanned)));
        }
      }
    }
    return tests.stream();
  }

  /** Every rule of the catalogue has fixtures in both formats, each with both kinds of marker. */
  @Test
  void everyRuleHasFixturesBothWays() throws IOException {
    for (Rule rule : RuleCatalog.all()) {
      String id = rule.metadata().id();
      Path dir = ROOT.resolve(id + "-" + rule.metadata().slug());
      assertTrue(Files.isDirectory(dir), "missing fixture folder " + dir);
      boolean tfExpect = false, tfOk = false, cfnExpect = false, cfnOk = false;
      for (Path f : fixtureFiles(dir)) {
        List<Marker> markers = markers(f);
        boolean e = markers.stream().anyMatch(x -> x.rule().equals(id) && x.kind().equals("expect"));
        boolean o = markers.stream().anyMatch(x -> x.rule().equals(id) && x.kind().equals("ok"));
        if (f.toString().endsWith(".tf") || f.toString().endsWith(".tf.json")) {
          tfExpect |= e;
          tfOk |= o;
        } else {
          cfnExpect |= e;
          cfnOk |= o;
        }
      }
      assertTrue(tfExpect && tfOk, id + ": Terraform fixtures need expect and ok markers");
      if (rule.formats().contains(dev.iamscan.model.Format.CLOUDFORMATION)) {
        assertTrue(cfnExpect && cfnOk, id + ": CloudFormation fixtures need expect and ok markers");
      }
    }
  }

  record Scanned(Map<String, List<Finding>> findingsByFile, List<Diagnostic> diagnostics) {}

  static Scanned scan(Path dir) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    List<Resource> resources = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    boolean hasTf;
    try (Stream<Path> s = Files.list(root)) {
      hasTf = s.anyMatch(p -> p.toString().endsWith(".tf") || p.toString().endsWith(".tf.json"));
    }
    if (hasTf) {
      ParseResult r = new TerraformModuleParser().parse(root, root, List.of());
      resources.addAll(r.resources());
      diagnostics.addAll(r.diagnostics());
    }
    try (Stream<Path> s = Files.list(root)) {
      for (Path f : s.sorted().toList()) {
        String n = f.getFileName().toString();
        if (n.endsWith(".tf.json") || !(n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || n.endsWith(".template"))) continue;
        Optional<ParseResult> r = new CloudFormationParser().parse(f, root);
        r.ifPresent(p -> {
          resources.addAll(p.resources());
          diagnostics.addAll(p.diagnostics());
        });
      }
    }
    List<Finding> findings = new RuleEngine(RuleCatalog.all()).run(ScanContext.of(new ResourceModel(resources)));
    return new Scanned(findings.stream().collect(Collectors.groupingBy(f -> f.location().file())), diagnostics);
  }

  static List<Path> fixtureFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> {
        String n = p.getFileName().toString();
        return n.endsWith(".tf") || n.endsWith(".tf.json") || n.endsWith(".yaml") || n.endsWith(".yml")
            || (n.endsWith(".json") && !n.endsWith(".tfvars.json")) || n.endsWith(".template");
      }).sorted().toList();
    }
  }

  static List<Marker> markers(Path file) {
    List<Marker> out = new ArrayList<>();
    try {
      Path sidecar = file.resolveSibling(file.getFileName() + ".expect");
      if (Files.exists(sidecar)) {
        for (String l : Files.readAllLines(sidecar)) {
          Matcher m = SIDECAR.matcher(l);
          if (m.matches()) {
            for (String id : m.group(3).split(",")) out.add(new Marker(Integer.parseInt(m.group(1)), m.group(2), id.trim()));
          }
        }
        return out;
      }
      List<String> lines = Files.readAllLines(file);
      List<Marker> pending = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = MARKER.matcher(lines.get(i));
        if (m.matches()) {
          for (String id : m.group(2).split(",")) pending.add(new Marker(0, m.group(1), id.trim()));
        } else if (!lines.get(i).isBlank() && !lines.get(i).trim().startsWith("#") && !lines.get(i).trim().startsWith("//")) {
          for (Marker p : pending) out.add(new Marker(i + 1, p.kind(), p.rule()));
          pending.clear();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void check(String ruleId, Path dir, Path file, Scanned scanned) {
    String rel = file.getFileName().toString();
    List<String> errors = scanned.diagnostics().stream()
        .filter(d -> d.level() == Diagnostic.Level.ERROR && d.file().equals(rel))
        .map(Diagnostic::toString).toList();
    if (!errors.isEmpty() && !rel.contains("invalid")) fail("fixture does not parse: " + errors);
    List<Marker> markers = markers(file);
    Set<String> rules = new TreeSet<>();
    rules.add(ruleId);
    markers.forEach(m -> rules.add(m.rule()));
    Map<String, Set<Integer>> expected = new TreeMap<>();
    Map<String, Set<Integer>> tolerated = new TreeMap<>();
    for (Marker m : markers) {
      switch (m.kind()) {
        case "expect" -> expected.computeIfAbsent(m.rule(), k -> new TreeSet<>()).add(m.line());
        case "todo-expect", "todo-ok" -> tolerated.computeIfAbsent(m.rule(), k -> new TreeSet<>()).add(m.line());
        default -> { }
      }
    }
    List<Finding> found = scanned.findingsByFile().getOrDefault(rel, List.of());
    List<String> problems = new ArrayList<>();
    for (String rule : rules) {
      Set<Integer> actual = found.stream().filter(f -> f.ruleId().equals(rule))
          .map(f -> f.location().startLine()).collect(Collectors.toCollection(TreeSet::new));
      Set<Integer> want = expected.getOrDefault(rule, Set.of());
      Set<Integer> ok = tolerated.getOrDefault(rule, Set.of());
      for (int line : want) if (!actual.contains(line)) problems.add(rule + " expected on line " + line + " but not reported");
      for (int line : actual) {
        if (!want.contains(line) && !ok.contains(line)) {
          String msg = found.stream().filter(f -> f.ruleId().equals(rule) && f.location().startLine() == line)
              .map(Finding::message).findFirst().orElse("");
          problems.add(rule + " reported on unmarked line " + line + ": " + msg);
        }
      }
    }
    assertEquals(List.of(), problems, dir.getFileName() + "/" + rel);
  }
}
