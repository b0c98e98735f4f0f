package dev.iamscan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamscan.model.ParseResult;
import dev.iamscan.terraform.TerraformModuleParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Terraform front end (HCL parser and evaluator) on arbitrary bytes written as a module's only
 * file. The normal build replays the seeds under {@code TerraformFuzzTestInputs/}; {@code
 * scripts/fuzz} fuzzes.
 */
class TerraformFuzzTest {
  @TempDir Path root;

  @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
  void moduleText(byte[] input) throws IOException {
    Path dir = root.resolve("m");
    Files.createDirectories(dir);
    Files.write(dir.resolve("main.tf"), input);
    ParseResult first = new TerraformModuleParser().parse(dir, root, List.of());
    String text = new String(input, StandardCharsets.UTF_8);
    ParseInvariants.assertLinesInside(first, "m/main.tf", ParseInvariants.lineCount(text));
    ParseInvariants.assertSame(first, new TerraformModuleParser().parse(dir, root, List.of()));
  }
}
