package dev.iamscan.scanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The example workflow has one source, docs/examples/iamscan-workflow.yml, which the runner simulation
 * runs; the README and docs/github-actions.md show it verbatim, and document every input and output
 * of action.yml.
 */
class GitHubActionDocsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path WORKFLOW = ROOT.resolve("docs/examples/iamscan-workflow.yml");
  private static final Pattern SHOWN = Pattern.compile("<!-- workflow:start -->\n```yaml\n(.*?)```\n<!-- workflow:end -->",
      Pattern.DOTALL);

  private static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
  }

  private static List<String> shownWorkflows(String text) {
    List<String> shown = new ArrayList<>();
    Matcher m = SHOWN.matcher(text);
    while (m.find()) shown.add(m.group(1));
    return shown;
  }

  @Test
  void readmeAndDocsShowTheWorkflowTheSimulationRuns() throws IOException {
    String workflow = Files.readString(WORKFLOW, StandardCharsets.UTF_8);
    for (String doc : List.of("README.md", "docs/github-actions.md")) {
      assertEquals(List.of(workflow), shownWorkflows(read(doc)),
          doc + " must show docs/examples/iamscan-workflow.yml verbatim between the workflow markers");
    }
    assertTrue(read("scripts/simulate-action").contains("--workflow docs/examples/iamscan-workflow.yml"));
  }

  @Test
  void theWorkflowUsesTheActionWithItsOwnInputs() throws IOException {
    JsonNode action = new YAMLMapper().readTree(ROOT.resolve("action.yml").toFile());
    JsonNode workflow = new YAMLMapper().readTree(WORKFLOW.toFile());
    JsonNode steps = workflow.at("/jobs/iam/steps");
    JsonNode iamscan = steps.get(1);
    assertTrue(iamscan.get("uses").asText().startsWith("iamscan/iamscan@"), iamscan.toString());
    iamscan.get("with").fieldNames().forEachRemaining(name ->
        assertTrue(action.at("/inputs").has(name), "the action has no input " + name));
  }

  @Test
  void docsNameEveryInputAndOutput() throws IOException {
    JsonNode action = new YAMLMapper().readTree(ROOT.resolve("action.yml").toFile());
    String docs = read("docs/github-actions.md");
    List<String> names = new ArrayList<>();
    action.at("/inputs").fieldNames().forEachRemaining(names::add);
    action.at("/outputs").fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      assertTrue(docs.contains("| `" + name + "` |"), "docs/github-actions.md does not describe " + name);
    }
  }

  @Test
  void everyActionIsPinnedByCommitSha() throws IOException {
    JsonNode action = new YAMLMapper().readTree(ROOT.resolve("action.yml").toFile());
    int uses = 0;
    for (JsonNode step : action.at("/runs/steps")) {
      if (!step.has("uses")) continue;
      uses++;
      assertTrue(step.get("uses").asText().matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}"), step.get("uses").asText());
    }
    assertTrue(uses >= 4, "setup-java, cache restore and save, upload-sarif");
  }
}
