package dev.iamscan.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parses every directory of the terraform-aws-modules repositories mirrored under /work/.mirror,
 * when present, and expects no ERROR diagnostics. Skipped when the mirrors (or git, tar) are absent.
 */
class RealModulesTest {
  static final Path MIRROR = Path.of("/work/.mirror");

  /**
   * Extracts the mirrored repositories into {@code tmp}; skips the calling test when there are
   * none or they cannot be extracted.
   */
  static List<Path> extractMirrors(Path tmp) throws IOException, InterruptedException {
    assumeTrue(Files.isDirectory(MIRROR), "skipped: no repository mirrors at " + MIRROR + " on this machine");
    List<Path> repos;
    try (Stream<Path> s = Files.list(MIRROR)) {
      repos = s.filter(p -> p.getFileName().toString().startsWith("terraform-aws-modules+"))
          .map(p -> p.resolve("repo")).filter(Files::isDirectory).sorted().collect(Collectors.toList());
    }
    assumeTrue(!repos.isEmpty(), "skipped: no terraform-aws-modules+* mirror under " + MIRROR);
    for (Path repo : repos) {
      Path out = Files.createDirectories(tmp.resolve(repo.getParent().getFileName().toString()));
      Process p = new ProcessBuilder("sh", "-c", "git --git-dir=\"$0\" archive HEAD | tar -x -C \"$1\"",
          repo.toString(), out.toString()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      assumeTrue(p.waitFor() == 0, "skipped: git archive | tar could not extract " + repo);
    }
    return repos;
  }

  @Test
  void terraformAwsModulesParseWithoutErrors(@TempDir Path tmp) throws Exception {
    extractMirrors(tmp);
    List<Path> dirs;
    try (Stream<Path> w = Files.walk(tmp)) {
      dirs = w.filter(f -> f.toString().endsWith(".tf")).map(Path::getParent).distinct().sorted()
          .collect(Collectors.toList());
    }
    List<Diagnostic> errors = new ArrayList<>();
    int resources = 0;
    for (Path d : dirs) {
      ParseResult r = new TerraformModuleParser().parse(d, tmp, List.of());
      resources += r.resources().size();
      r.diagnostics().stream().filter(x -> x.level() == Diagnostic.Level.ERROR).forEach(errors::add);
    }
    assertTrue(resources > 0, "no resources found");
    assertEquals(List.of(), errors);
  }
}
