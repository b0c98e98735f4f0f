package dev.iamscan.scanner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.rules.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * End-to-end cases for Terraform modules and plans: each directory under {@code testdata/modules}
 * and {@code testdata/plans} is scanned with the real parsers and rules, and everything reported
 * (findings with their related locations, diagnostics) must equal its {@code expected.txt} exactly.
 * {@code plans/plan-root} is a plan whose configuration is not beside it ({@code --plan-root infra}).
 */
class ModuleAndPlanFixtureTest {
  static final Path DATA = Path.of("..", "testdata").toAbsolutePath().normalize();

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    List<Path> dirs = new ArrayList<>();
    for (String group : List.of("modules", "plans")) {
      try (Stream<Path> s = Files.list(DATA.resolve(group))) {
        s.filter(Files::isDirectory).sorted().forEach(dirs::add);
      }
    }
    return dirs.stream().map(d -> DynamicTest.dynamicTest(DATA.relativize(d).toString(), () -> check(d, null)));
  }

  /** {@code plan-root.txt}, when present, names the --plan-root directory relative to the case. */
  private static void check(Path dir, Path none) throws IOException {
    Path file = dir.resolve("plan-root.txt");
    Path planRoot = Files.exists(file) ? dir.resolve(Files.readString(file).strip()) : null;
    ScanResult r = Scanner.withDefaults(Scanner.allRules(), w -> { })
        .scan(new ScanRequest(List.of(dir), List.of(), false, planRoot), dir);
    if (System.getenv("IAMSCAN_UPDATE_EXPECTED") != null) {
      // regenerating is a deliberate act; review the diff before committing
      Files.writeString(dir.resolve("expected.txt"), render(r), StandardCharsets.UTF_8);
    }
    String expected = Files.readString(dir.resolve("expected.txt"), StandardCharsets.UTF_8);
    assertEquals(expected, render(r), "findings of " + dir);
  }

  static String render(ScanResult r) {
    StringBuilder sb = new StringBuilder();
    for (Finding f : r.findings()) {
      sb.append(f.location().file()).append(':').append(f.location().startLine()).append(' ')
          .append(f.ruleId()).append(' ').append(f.message()).append('\n');
      for (Finding.Related rel : f.related()) {
        sb.append("  related ").append(rel.location().file()).append(':').append(rel.location().startLine())
            .append(' ').append(rel.message()).append('\n');
      }
    }
    for (Diagnostic d : r.diagnostics()) {
      sb.append(d.file()).append(':').append(d.line()).append(' ').append(d.level().name().toLowerCase())
          .append(' ').append(d.message()).append('\n');
    }
    return sb.toString();
  }
}
