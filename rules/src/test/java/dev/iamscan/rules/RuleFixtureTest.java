package dev.iamscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.iamscan.cloudformation.CloudFormationParser;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.rules.fixtures.FixtureComparison;
import dev.iamscan.rules.fixtures.FixtureMarkers;
import dev.iamscan.rules.fixtures.FixtureMarkers.Kind;
import dev.iamscan.rules.fixtures.FixtureMarkers.Marker;
import dev.iamscan.terraform.TerraformModuleParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per fixture file under {@code testdata/rules/<ID>-<slug>/}, with the marker grammar of
 * {@link FixtureMarkers}. Strict both ways for every rule: the findings of all rules on a file must
 * equal its {@code expect} (and {@code todo-ok}) markers as a multiset of (rule, line), with the
 * severity and message text a marker names; see {@link FixtureComparison}.
 */
class RuleFixtureTest {
  static final Path ROOT = Path.of("..", "testdata", "rules");
  private static final Pattern DIR = Pattern.compile("(IAM\\d{3})-[a-z0-9-]+");

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(ROOT)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        Matcher m = DIR.matcher(dir.getFileName().toString());
        if (!m.matches()) continue;
        String ruleId = m.group(1);
        for (Path root : scanRoots(dir)) {
          Scanned scanned = scan(root);
          String name = dir.relativize(root).toString();
          String prefix = dir.getFileName() + (name.isEmpty() ? "" : "/" + name) + "/";
          for (Path file : fixtureFiles(root)) {
            tests.add(DynamicTest.dynamicTest(prefix + file.getFileName(),
                file.toUri(), () -> check(ruleId, root, file, scanned)));
          }
        }
      }
    }
    return tests.stream();
  }

  /** Every fixture folder is a rule of the catalogue: a rule left out of the one list is noticed. */
  @Test
  void everyFixtureFolderIsARegisteredRule() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        Matcher m = DIR.matcher(dir.getFileName().toString());
        assertTrue(m.matches(), "fixture folder not named <ID>-<slug>: " + dir.getFileName());
        Optional<Rule> rule = RuleCatalog.byId(m.group(1));
        assertTrue(rule.isPresent(), dir.getFileName() + ": no such rule in RuleCatalog");
        assertEquals(m.group(1) + "-" + rule.get().metadata().slug(), dir.getFileName().toString());
      }
    }
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
        boolean e = markers.stream().anyMatch(x -> x.rule().equals(id) && x.kind() == Kind.EXPECT);
        boolean o = markers.stream().anyMatch(x -> x.rule().equals(id) && x.kind() == Kind.OK);
        if (f.toString().endsWith(".tf") || f.toString().endsWith(".tf.json")) {
          tfExpect |= e;
          tfOk |= o;
        } else {
          cfnExpect |= e;
          cfnOk |= o;
        }
      }
      assertTrue(tfExpect && tfOk, id + ": Terraform fixtures need expect and ok markers");
      for (FixtureMarkers.Example which : FixtureMarkers.Example.values()) {
        long shown = 0;
        for (Path f : fixtureFiles(dir)) {
          String n = f.getFileName().toString();
          if (!(n.endsWith(".tf") || n.endsWith(".yaml") || n.endsWith(".yml"))) continue;
          shown += markers(f).stream().filter(x -> x.kind() == Kind.EXAMPLE && x.example().orElseThrow() == which).count();
        }
        assertEquals(1, shown, id + ": the docs need exactly one 'example: " + which.name().toLowerCase(java.util.Locale.ROOT)
            + "' marker in the .tf or .yaml fixtures");
      }
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

  /**
   * The folders of a rule's fixtures scanned each on its own: the rule's folder, and each folder in
   * it. Rules about something missing from an account (one account per directory tree) need a
   * folder per account to show both ways.
   */
  static List<Path> scanRoots(Path dir) throws IOException {
    List<Path> roots = new ArrayList<>();
    roots.add(dir);
    try (Stream<Path> s = Files.list(dir)) {
      roots.addAll(s.filter(Files::isDirectory).sorted().toList());
    }
    return roots;
  }

  static List<Path> fixtureFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(FixtureMarkers::isFixtureFile).sorted().toList();
    }
  }

  static List<Marker> markers(Path file) {
    return FixtureMarkers.read(file);
  }

  private static void check(String ruleId, Path dir, Path file, Scanned scanned) {
    String rel = file.getFileName().toString();
    List<String> errors = scanned.diagnostics().stream()
        .filter(d -> d.level() == Diagnostic.Level.ERROR && d.file().equals(rel))
        .map(Diagnostic::toString).toList();
    if (!errors.isEmpty() && !rel.contains("invalid")) fail("fixture does not parse: " + errors);
    List<FixtureComparison.Reported> reported = scanned.findingsByFile().getOrDefault(rel, List.of()).stream()
        .map(f -> new FixtureComparison.Reported(f.ruleId(), f.location().startLine(), f.severity(), f.message()))
        .toList();
    assertEquals(List.of(), FixtureComparison.compare(markers(file), reported), dir.getFileName() + "/" + rel);
  }

  /** Findings land only in fixture files, where markers can assert them. */
  @TestFactory
  Stream<DynamicTest> findingsStayInFixtureFiles() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(ROOT)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        if (!DIR.matcher(dir.getFileName().toString()).matches()) continue;
        for (Path root : scanRoots(dir)) {
          tests.add(DynamicTest.dynamicTest(dir.getParent().relativize(root).toString(), () -> {
            Set<String> files = fixtureFiles(root).stream().map(p -> p.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
            Set<String> elsewhere = new TreeSet<>(scan(root).findingsByFile().keySet());
            elsewhere.removeAll(files);
            assertEquals(Set.of(), elsewhere, "findings outside the fixture files of " + dir.getParent().relativize(root));
          }));
        }
      }
    }
    return tests.stream();
  }
}
