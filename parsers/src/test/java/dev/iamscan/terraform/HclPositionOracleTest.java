package dev.iamscan.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bertramlabs.plugins.hcl4j.LexerPositions;
import com.bertramlabs.plugins.hcl4j.LexerPositions.Position;
import dev.iamscan.terraform.HclSyntax.Attribute;
import dev.iamscan.terraform.HclSyntax.Block;
import dev.iamscan.terraform.HclSyntax.Body;
import dev.iamscan.terraform.HclSyntax.Item;
import dev.iamscan.terraform.HclSyntax.TextLoc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of positions: every block and attribute HCL4J's lexer reports (0-based line
 * and column, measured exact) must be found by {@link HclParser} at the same place. Runs over the
 * {@code .tf} files of testdata and, when mirrored, of the terraform-aws-modules repositories.
 * Files the lexer rejects are skipped and counted.
 */
class HclPositionOracleTest {
  /** A file, the symbols compared, and what did not match. */
  record Outcome(int blocks, int attributes, List<String> mismatches) {}

  @Test
  void testdataPositionsMatchHcl4j(TestReporter report) throws Exception {
    Path root = TerraformModuleParserTest.locate("testdata");
    List<Path> files;
    try (Stream<Path> w = Files.walk(root)) {
      files = w.filter(p -> p.toString().endsWith(".tf")).sorted().collect(Collectors.toList());
    }
    Totals t = compare(files, root);
    report.publishEntry("hcl4j-oracle-testdata", t.toString());
    assertTrue(t.compared > 0, "no file compared: " + t);
    assertEquals(List.of(), t.mismatches, t.toString());
  }

  @Test
  void mirroredModulePositionsMatchHcl4j(@TempDir Path tmp, TestReporter report) throws Exception {
    List<Path> dirs = RealModulesTest.extractMirrors(tmp);
    List<Path> files;
    try (Stream<Path> w = Files.walk(tmp)) {
      files = w.filter(p -> p.toString().endsWith(".tf")).sorted().collect(Collectors.toList());
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(!dirs.isEmpty() && !files.isEmpty(), "no mirrored modules");
    Totals t = compare(files, tmp);
    report.publishEntry("hcl4j-oracle-mirrors", t.toString());
    assertEquals(List.of(), t.mismatches.subList(0, Math.min(20, t.mismatches.size())), t.toString());
  }

  static final class Totals {
    int files;
    int compared;
    int skipped;
    int blocks;
    int attributes;
    final List<String> mismatches = new ArrayList<>();

    @Override
    public String toString() {
      return files + " files: " + compared + " compared, " + skipped + " rejected by HCL4J's lexer; "
          + blocks + " blocks and " + attributes + " attributes compared, " + mismatches.size() + " mismatches";
    }
  }

  private static Totals compare(List<Path> files, Path root) throws Exception {
    Totals t = new Totals();
    // the lexer is generated code that might loop on odd input: give each file a bounded time
    ExecutorService lexing = Executors.newSingleThreadExecutor(r -> {
      Thread th = new Thread(r, "hcl4j-lexer");
      th.setDaemon(true);
      return th;
    });
    try {
      for (Path f : files) {
        t.files++;
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        List<Position> theirs;
        try {
          Future<List<Position>> job = lexing.submit(() -> LexerPositions.of(text));
          theirs = job.get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception | Error e) {
          t.skipped++;
          continue;
        }
        Set<String> ours = new HashSet<>();
        SourceText src = SourceText.ofFile(root.relativize(f).toString(), text);
        try {
          collect(HclParser.parseBody(src).items(), src, ours);
        } catch (HclSyntax.SyntaxError e) {
          t.mismatches.add(src.file + ":" + e.line + ": we reject a file HCL4J lexes: " + e.getMessage());
          continue;
        }
        t.compared++;
        for (Position p : theirs) {
          if (p.block()) t.blocks++;
          else t.attributes++;
          // HCL4J's columns are 0-based, and a block's is taken one character before its brace
          String key = key(p.block(), p.line() + 1, p.column() + (p.block() ? 2 : 1));
          if (!ours.contains(key)) {
            t.mismatches.add(src.file + ": HCL4J has " + (p.block() ? "block '" : "attribute '") + p.name()
                + "' at " + key.substring(1) + ", we do not");
          }
        }
      }
    } finally {
      lexing.shutdownNow();
    }
    return t;
  }

  private static String key(boolean block, int line, int column) {
    return (block ? "B" : "A") + line + ":" + column;
  }

  /** Attributes at their name; blocks at their opening brace, where HCL4J places them. */
  private static void collect(List<Item> items, SourceText src, Set<String> out) {
    for (Item i : items) {
      if (i instanceof Attribute a && a.nameLoc() instanceof TextLoc l) {
        out.add(key(false, src.line(l.start()), src.column(l.start())));
      } else if (i instanceof Block b && b.header() instanceof TextLoc h) {
        out.add(key(true, src.line(h.end()), src.column(h.end())));
        collect(b.body().items(), src, out);
      }
    }
  }
}
