package dev.iamscan.scanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.iamscan.scanner.Scanner;
import dev.iamscan.scanner.ToolInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's examples are real output: the text report and the SARIF result it shows are what the
 * scanner prints for {@code testdata/examples/quickstart} today.
 */
class ReadmeExamplesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String REGENERATE =
      "the README's example is stale: run ./iamscan scan testdata/examples/quickstart (text, and --format sarif) "
          + "from the project root and paste the output into README.md";

  private String out;

  private int run(String... args) {
    CliEnvironment environment = new CliEnvironment(ROOT, Map.of(), false, ToolInfo.load(),
        Scanner.allRules(), Scanner::withDefaults);
    StringWriter o = new StringWriter();
    int code = IamscanCommand.create(environment, new PrintWriter(o), new PrintWriter(new StringWriter()))
        .execute(args);
    out = o.toString();
    return code;
  }

  private static String readme() throws IOException {
    return Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
  }

  @Test
  void textExampleIsRealOutput() throws IOException {
    assertEquals(1, run("scan", "testdata/examples/quickstart"));
    assertTrue(readme().contains("```text\n" + out.strip() + "\n```"), REGENERATE);
  }

  @Test
  void sarifExcerptIsRealOutput() throws IOException {
    assertEquals(1, run("scan", "testdata/examples/quickstart", "--format", "sarif"));
    String readme = readme();
    int start = readme.indexOf("```json\n");
    int end = readme.indexOf("\n```", start + 8);
    JsonNode inReadme = new ObjectMapper().readTree(readme.substring(start + 8, end));
    // The result the README shows: the first of its rule at its line.
    JsonNode result = null;
    for (JsonNode r : new ObjectMapper().readTree(out).path("runs").path(0).path("results")) {
      if (r.path("ruleId").equals(inReadme.path("ruleId")) && r.at("/locations/0/physicalLocation/region/startLine")
          .equals(inReadme.at("/locations/0/physicalLocation/region/startLine"))) {
        result = r;
        break;
      }
    }
    String shown = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
    assertEquals(result, inReadme, REGENERATE + "\n" + shown);
  }

  @Test
  void mermaidExampleIsRealOutput() throws IOException {
    assertEquals(0, run("graph", "testdata/examples/quickstart"));
    assertTrue(readme().contains("```mermaid\n" + out.strip() + "\n```"),
        "the README's graph is stale: run ./iamscan graph testdata/examples/quickstart and paste it into README.md");
  }
}
