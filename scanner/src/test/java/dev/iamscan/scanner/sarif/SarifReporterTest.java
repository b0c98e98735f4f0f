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
import dev.iamscan.scanner.baseline.Baseline;
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
    assertTrue(rules.get(0).at("/help/markdown").asText().contains("**How to fix:** rename the resource"));
    assertEquals("warning", rules.get(1).at("/defaultConfiguration/level").asText());

    JsonNode second = run.at("/results/1");
    assertEquals("IAM902", second.get("ruleId").asText());
    assertEquals(1, second.get("ruleIndex").asInt());
    assertEquals("warning", second.get("level").asText());
    JsonNode related = run.at("/results/0/relatedLocations/0");
    assertEquals(1, related.get("id").asInt());
    assertEquals("attached to aws_iam_user.deploy here", related.at("/message/text").asText());
    assertEquals("infra/users.tf", related.at("/physicalLocation/artifactLocation/uri").asText());
  }

  @Test
  void relatedLocationsAreLinkedFromTheMessage() throws IOException {
    JsonNode result = mapper.readTree(render(sample())).at("/runs/0/results/0");
    assertEquals("aws_iam_policy.admin allows Action \"*\" on Resource \"*\". Related: "
        + "[attached to aws_iam_user.deploy here](1)", result.at("/message/text").asText());
    assertEquals(1, result.at("/relatedLocations/0/id").asInt());
    // Without related locations the message is left as the scanner wrote it.
    assertEquals("PublicBucket (AWS::S3::Bucket) has a public ACL",
        mapper.readTree(render(sample())).at("/runs/0/results/1/message/text").asText());
  }

  @Test
  void bracketsInALinkedMessageAreEscapedAndEveryRelatedLocationGetsALink() {
    Finding f = new Finding(Fixtures.CRITICAL_RULE, Severity.CRITICAL, "Action [\"*\"] allowed",
        SourceRange.at("a.tf", 9, 1), "r", "", List.of(
            new Finding.Related("user [one]", SourceRange.at("a.tf", 1, 1)),
            new Finding.Related("group two", SourceRange.at("b.tf", 2, 1))));
    assertEquals("Action \\[\"*\"\\] allowed. Related: [user \\[one\\]](1), [group two](2)",
        SarifReporter.messageText(f));
  }

  @Test
  void categoriesAreWrittenInTheFormGitHubDocuments() throws IOException {
    assertEquals("infra/", SarifReporter.automationId("infra"));
    assertEquals("infra/", SarifReporter.automationId("infra/"));
    assertEquals("team/infra/", SarifReporter.automationId("team/infra"));
    assertEquals(null, SarifReporter.automationId(" "));
    StringWriter a = new StringWriter();
    new SarifReporter(TOOL, CWD, "infra", false).write(sample(), a);
    StringWriter b = new StringWriter();
    new SarifReporter(TOOL, CWD, "templates", false).write(sample(), b);
    JsonNode first = mapper.readTree(a.toString()).at("/runs/0/automationDetails/id");
    JsonNode second = mapper.readTree(b.toString()).at("/runs/0/automationDetails/id");
    assertEquals("infra/", first.asText());
    assertEquals("templates/", second.asText());
    assertTrue(mapper.readTree(render(sample())).at("/runs/0/automationDetails").isMissingNode());
  }

  @Test
  void everyResultCarriesAFingerprintOfItsBaselineKey() throws IOException {
    JsonNode results = mapper.readTree(render(sample())).at("/runs/0/results");
    String first = results.at("/0/partialFingerprints").get(SarifReporter.FINGERPRINT).asText();
    assertEquals(Baseline.Key.of(sample().findings().get(0), "infra/iam.tf").fingerprint() + ":1", first);
    assertTrue(first.matches("[0-9a-f]{64}:1"), first);
    assertFalse(first.equals(results.at("/1/partialFingerprints").get(SarifReporter.FINGERPRINT).asText()));
  }

  @Test
  void fingerprintsIgnoreLinesAndNumberEqualKeys() throws IOException {
    Finding a = new Finding(Fixtures.CRITICAL_RULE, Severity.CRITICAL, "m", SourceRange.at("a.tf", 3, 1), "r", "*",
        List.of());
    Finding moved = new Finding(Fixtures.CRITICAL_RULE, Severity.CRITICAL, "m", SourceRange.at("a.tf", 40, 7), "r",
        "*", List.of());
    Finding other = new Finding(Fixtures.CRITICAL_RULE, Severity.CRITICAL, "m", SourceRange.at("a.tf", 3, 1), "r",
        "s3:*", List.of());
    assertEquals(fingerprints(List.of(a)), fingerprints(List.of(moved)));
    assertFalse(fingerprints(List.of(a)).equals(fingerprints(List.of(other))));
    // The same key twice: still two alerts, told apart by their order.
    List<String> twice = fingerprints(List.of(a, moved));
    assertTrue(twice.get(0).endsWith(":1") && twice.get(1).endsWith(":2"), twice.toString());
    assertEquals(twice.get(0).substring(0, 64), twice.get(1).substring(0, 64));
  }

  private List<String> fingerprints(List<Finding> findings) throws IOException {
    ScanResult r = Fixtures.result(findings, List.of(), 1, 0, List.of(Fixtures.CRITICAL_RULE),
        List.of(new ScanRoot(CWD, CWD, "", ScanRoot.SRCROOT, true)), Map.of(), CWD);
    return mapper.readTree(render(r)).at("/runs/0/results").findValuesAsText(SarifReporter.FINGERPRINT);
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

  @Test
  void anEscalationPathIsOneThreadFlowOfStepsAtTheirStatements() throws IOException {
    Finding f = new Finding(Fixtures.CRITICAL_RULE, Severity.CRITICAL,
        "user dev can become administrator in 2 steps: user dev → assumes role deployer → ...",
        SourceRange.at("iam.tf", 1, 1), "aws_iam_user.dev", "", List.of(),
        List.of(new Finding.Related("assumes role deployer (its trust names dev)", new SourceRange("iam.tf", 9, 20, 9, 60)),
            new Finding.Related("iam:AttachRolePolicy on role/* attaches AdministratorAccess to role deployer",
                new SourceRange("iam.tf", 15, 5, 15, 90))));
    ScanRoot root = new ScanRoot(CWD, CWD, "", ScanRoot.SRCROOT, true);
    JsonNode doc = mapper.readTree(render(Fixtures.result(List.of(f), List.of(), 1, 0, List.of(Fixtures.CRITICAL_RULE),
        List.of(root), Map.of(), CWD)));
    JsonNode flows = doc.at("/runs/0/results/0/codeFlows");
    assertEquals(1, flows.size());
    JsonNode steps = flows.at("/0/threadFlows/0/locations");
    assertEquals(2, steps.size());
    assertEquals("assumes role deployer (its trust names dev)", steps.at("/0/location/message/text").asText());
    assertEquals(9, steps.at("/0/location/physicalLocation/region/startLine").asInt());
    assertEquals("iam.tf", steps.at("/1/location/physicalLocation/artifactLocation/uri").asText());
    assertEquals(15, steps.at("/1/location/physicalLocation/region/startLine").asInt());
    assertEquals(List.of(), new SarifSchema().errors(doc));
    // Findings about one place carry no code flow.
    assertTrue(mapper.readTree(render(sample())).at("/runs/0/results/0/codeFlows").isMissingNode());
  }
}
