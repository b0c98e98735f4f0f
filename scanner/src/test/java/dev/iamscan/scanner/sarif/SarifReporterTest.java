package dev.iamscan.scanner.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.SourceRange;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.Fixtures;
import dev.iamscan.scanner.ScanResult;
import dev.iamscan.scanner.ScanRoot;
import dev.iamscan.scanner.ToolInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SarifReporterTest {
  static final Path GOLDEN = Path.of("..", "testdata", "scanner", "golden", "basic.sarif");
  static final Path CWD = Path.of("/work/project");
  static final ToolInfo TOOL = new ToolInfo("iamscan", "1.2.3", "https://github.com/iamscan/iamscan");
  final ObjectMapper mapper = new ObjectMapper();

  /** Two findings (one with a related location, one in a path with spaces), an error and a warning. */
  static ScanResult sample() {
    Finding admin = new Finding(Fixtures.CRITICAL_RULE, Severity.CRITICAL,
        "aws_iam_policy.admin allows Action \"*\" on Resource \"*\"",
        new SourceRange("infra/iam.tf", 12, 5, 15, 6), "aws_iam_policy.admin", "*",
        List.of(new Finding.Related("attached to aws_iam_user.deploy here",
            new SourceRange("infra/users.tf", 3, 1, 3, 40))));
    Finding bucket = new Finding(Fixtures.MEDIUM_RULE, Severity.MEDIUM,
        "PublicBucket (AWS::S3::Bucket) has a public ACL",
        new SourceRange("stacks/my stack/täst#1.yaml", 7, 3, 7, 30), "PublicBucket", "public-read", List.of());
    ScanRoot root = new ScanRoot(CWD, CWD, "", ScanRoot.SRCROOT, true);
    return Fixtures.result(List.of(admin, bucket),
        List.of(Diagnostic.error("broken/main.tf", 4, 9, "unexpected token '}'"),
            Diagnostic.warning("stacks/dup.json", 2, 3, "duplicate key Resources")),
        5, 1, List.of(Fixtures.CRITICAL_RULE, Fixtures.MEDIUM_RULE), List.of(root), Map.of(), CWD);
  }

  String render(ScanResult result) throws IOException {
    StringWriter w = new StringWriter();
    new SarifReporter(TOOL, CWD).write(result, w);
    return w.toString();
  }

  @Test
  void matchesTheGoldenFile() throws IOException {
    String actual = render(sample());
    if (Boolean.getBoolean("iamscan.updateGolden")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual,
        "run with -Diamscan.updateGolden=true to accept the new output");
  }

  @Test
  void theGoldenFileIsValidSarif210() throws IOException {
    JsonNode golden = mapper.readTree(GOLDEN.toFile());
    assertEquals(List.of(), new SarifSchema().errors(golden));
    assertEquals(List.of(), new SarifSchema().errors(mapper.readTree(render(sample()))));
  }

  @Test
  void theSchemaCheckRejectsBrokenSarif() throws IOException {
    ObjectNode doc = (ObjectNode) mapper.readTree(render(sample()));
    ((ObjectNode) doc.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
    doc.put("version", "2.0.0");
    List<String> errors = new SarifSchema().errors(doc);
    assertEquals(2, errors.size(), errors.toString());
  }

  @Test
  void twoRendersAreIdenticalBytes() throws IOException {
    assertEquals(render(sample()), render(sample()));
    assertFalse(render(sample()).contains("\r"));
  }

  @Test
  void describesEveryRuleOnceAndPointsResultsAtThem() throws IOException {
    JsonNode run = mapper.readTree(render(sample())).at("/runs/0");
    JsonNode rules = run.at("/tool/driver/rules");
    assertEquals(2, rules.size());
    assertEquals("IAM901", rules.get(0).get("id").asText());
    assertEquals("TestRuleIam901", rules.get(0).get("name").asText());
    assertEquals("9.5", rules.get(0).at("/properties/security-severity").asText());
    assertEquals("overbroad-grant", rules.get(0).at("/properties/category").asText());
    assertEquals("[\"security\",\"overbroad-grant\"]", rules.get(0).at("/properties/tags").toString());
    assertEquals("high", rules.get(0).at("/properties/precision").asText());
    assertEquals("error", rules.get(0).at("/defaultConfiguration/level").asText());
    assertEquals("https://github.com/iamscan/iamscan/blob/main/docs/rules/IAM901.md",
        rules.get(0).get("helpUri").asText());
    assertTrue(rules.get(0).at("/help/markdown").asText().contains("## How to fix"));
    assertEquals("warning", rules.get(1).at("/defaultConfiguration/level").asText());

    JsonNode second = run.at("/results/1");
    assertEquals("IAM902", second.get("ruleId").asText());
    assertEquals(1, second.get("ruleIndex").asInt());
    assertEquals("warning", second.get("level").asText());
    JsonNode related = run.at("/results/0/relatedLocations/0");
    assertEquals(1, related.get("id").asInt());
    assertEquals("attached to aws_iam_user.deploy here", related.at("/message/text").asText());
    assertEquals("infra/users.tf", related.at("/physicalLocation/artifactLocation/uri").asText());
    assertTrue(run.at("/results/0/partialFingerprints").isMissingNode());
  }

  @Test
  void regionsAreOneBasedWithAnExclusiveEndColumn() throws IOException {
    JsonNode region = mapper.readTree(render(sample())).at("/runs/0/results/0/locations/0/physicalLocation/region");
    assertEquals("{\"startLine\":12,\"startColumn\":5,\"endLine\":15,\"endColumn\":7}", region.toString());
  }

  @Test
  void urisArePercentEncodedAndRelativeToSrcroot() throws IOException {
    JsonNode run = mapper.readTree(render(sample())).at("/runs/0");
    JsonNode artifact = run.at("/results/1/locations/0/physicalLocation/artifactLocation");
    assertEquals("stacks/my%20stack/t%C3%A4st%231.yaml", artifact.get("uri").asText());
    assertEquals("%SRCROOT%", artifact.get("uriBaseId").asText());
    assertEquals("file:///work/project/", run.at("/originalUriBaseIds/%SRCROOT%/uri").asText());
  }

  @Test
  void diagnosticsBecomeToolExecutionNotifications() throws IOException {
    JsonNode invocation = mapper.readTree(render(sample())).at("/runs/0/invocations/0");
    assertFalse(invocation.get("executionSuccessful").asBoolean());
    JsonNode notes = invocation.get("toolExecutionNotifications");
    assertEquals(2, notes.size());
    assertEquals("error", notes.get(0).get("level").asText());
    assertEquals("unexpected token '}'", notes.get(0).at("/message/text").asText());
    JsonNode loc = notes.get(0).at("/locations/0/physicalLocation");
    assertEquals("broken/main.tf", loc.at("/artifactLocation/uri").asText());
    assertEquals(4, loc.at("/region/startLine").asInt());
    assertEquals("warning", notes.get(1).get("level").asText());
  }

  @Test
  void aCleanScanIsSuccessfulWithNoResults() throws IOException {
    ScanResult clean = Fixtures.result(List.of(), List.of(), 3, 0, List.of(Fixtures.CRITICAL_RULE),
        List.of(new ScanRoot(CWD, CWD, "", ScanRoot.SRCROOT, true)), Map.of(), CWD);
    JsonNode doc = mapper.readTree(render(clean));
    assertTrue(doc.at("/runs/0/invocations/0/executionSuccessful").asBoolean());
    assertEquals(0, doc.at("/runs/0/results").size());
    assertEquals(List.of(), new SarifSchema().errors(doc));
  }

  @Test
  void filesOfRootsOutsideTheWorkingDirectoryGetTheirOwnBase() throws IOException {
    Path other = Path.of("/srv/other");
    Finding f = new Finding(Fixtures.CRITICAL_RULE, Severity.CRITICAL, "m", SourceRange.at("a.tf", 1, 1),
        "r", "", List.of());
    ScanResult r = Fixtures.result(List.of(f), List.of(), 1, 0, List.of(Fixtures.CRITICAL_RULE),
        List.of(new ScanRoot(other, other, "", "SCANROOT1", false)), Map.of("a.tf", "SCANROOT1"), CWD);
    JsonNode run = mapper.readTree(render(r)).at("/runs/0");
    assertEquals("SCANROOT1", run.at("/results/0/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
    assertEquals("file:///srv/other/", run.at("/originalUriBaseIds/SCANROOT1/uri").asText());
  }
}
