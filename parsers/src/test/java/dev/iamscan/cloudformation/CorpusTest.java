package dev.iamscan.cloudformation;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Runs the parser over public CloudFormation test templates (cfn_nag, KICS) when they are present
 * on this machine. Nothing is copied into the project; without the corpus the test is skipped.
 */
class CorpusTest {
  private static final Path CORPUS = Path.of("/work/shared/corpus");
  private static final List<Path> ROOTS = List.of(CORPUS.resolve("cfn_nag"), CORPUS.resolve("kics/cloudformation"));

  private static List<Path> templates() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path root : ROOTS) {
      if (!Files.isDirectory(root)) continue;
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(Files::isRegularFile)
            .filter(p -> p.toString().matches(".*\\.(json|yaml|yml|template)$"))
            .sorted()
            .forEach(out::add);
      }
    }
    return out;
  }

  @Test
  void corpusParsesWithoutExceptions(TestReporter reporter) throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "skipped: the shared template corpus " + CORPUS + " is not on this machine");
    List<Path> files = templates();
    assumeTrue(!files.isEmpty(), "skipped: no template under " + ROOTS);
    CloudFormationParser parser = new CloudFormationParser();
    int templates = 0;
    int clean = 0;
    int resources = 0;
    int warnings = 0;
    List<String> failed = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Path f : files) {
      Optional<ParseResult> r = parser.parse(f, CORPUS);
      if (r.isEmpty()) {
        skipped.add(CORPUS.relativize(f).toString());
        continue;
      }
      warnings += r.get().diagnostics().size() - (int) r.get().diagnostics().stream()
          .filter(d -> d.level() == Diagnostic.Level.ERROR).count();
      templates++;
      resources += r.get().resources().size();
      List<Diagnostic> errors = r.get().diagnostics().stream()
          .filter(d -> d.level() == Diagnostic.Level.ERROR).toList();
      if (errors.isEmpty()) clean++;
      else failed.add(errors.get(0).toString());
    }
    reporter.publishEntry("files", String.valueOf(files.size()));
    reporter.publishEntry("templates", String.valueOf(templates));
    reporter.publishEntry("templatesWithoutError", String.valueOf(clean));
    reporter.publishEntry("resources", String.valueOf(resources));
    if (!failed.isEmpty()) reporter.publishEntry("failures", String.join("\n", failed));
    // Surefire keeps no report entries, so the figures also go to a file under target/.
    Files.writeString(Path.of("target", "cloudformation-corpus.txt"), String.format(
        "files %d%ntemplates %d%ntemplates without ERROR %d%nresources %d%nwarnings %d%n"
            + "errors:%n%s%nnot templates:%n%s%n",
        files.size(), templates, clean, resources, warnings,
        String.join("\n", failed), String.join("\n", skipped)));
    // Most of the corpus is well-formed; a drop means the reader broke, not the corpus.
    assertTrue(clean >= templates * 0.95, clean + " of " + templates + " clean; first failures: "
        + failed.subList(0, Math.min(10, failed.size())));
  }
}
