package dev.iamscan.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamscan.cloudformation.CloudFormationParser;
import dev.iamscan.model.ParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The CloudFormation reader on arbitrary bytes, as a YAML and as a JSON template. */
class CloudFormationFuzzTest {
  @TempDir Path root;

  @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
  void yamlTemplate(byte[] input) throws IOException {
    check(input, "template.yaml");
  }

  @FuzzTest(maxDuration = FuzzSettings.MAX_DURATION)
  void jsonTemplate(byte[] input) throws IOException {
    check(input, "template.json");
  }

  private void check(byte[] input, String name) throws IOException {
    Path file = root.resolve(name);
    Files.write(file, input);
    Optional<ParseResult> first = new CloudFormationParser().parse(file, root);
    if (first.isPresent()) {
      String text = new String(input, StandardCharsets.UTF_8);
      ParseInvariants.assertLinesInside(first.get(), name, ParseInvariants.lineCount(text));
    }
    ParseInvariants.assertSame(first, new CloudFormationParser().parse(file, root));
  }
}
