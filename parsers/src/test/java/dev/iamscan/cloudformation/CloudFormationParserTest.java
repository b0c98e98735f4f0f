package dev.iamscan.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.Format;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudFormationParserTest {
  /** Tests run in the module directory; inputs live at the project's top level. */
  static final Path DATA = Path.of("..", "testdata", "parsers", "cloudformation");

  private final CloudFormationParser parser = new CloudFormationParser();

  private ParseResult parse(String name) {
    Optional<ParseResult> r = parser.parse(DATA.resolve(name), DATA);
    assertTrue(r.isPresent(), name + " should be read as a template");
    return r.get();
  }

  private static Resource resource(ParseResult r, String name) {
    return r.resources().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }

  private static Value prop(Resource r, String key) {
    return r.body().get(key).orElseThrow(() -> new AssertionError("no property " + key));
  }

  private static List<Diagnostic> errors(ParseResult r) {
    return r.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.ERROR).toList();
  }

  @Test
  void resourcesCarryTypeScopeRangeAndAttributes() {
    ParseResult r = parse("intrinsics.yaml");
    assertEquals(List.of(), r.diagnostics());
    assertEquals(List.of("intrinsics.yaml"), r.files());
    assertEquals(List.of("Bucket", "Role"), r.resources().stream().map(Resource::name).toList());
    Resource role = resource(r, "Role");
    assertEquals(Format.CLOUDFORMATION, role.format());
    assertEquals("resource", role.kind());
    assertEquals("AWS::IAM::Role", role.type());
    assertEquals("intrinsics.yaml", role.scope());
    assertEquals(29, role.range().startLine());
    assertEquals(3, role.range().startColumn());
    assertEquals(57, role.range().endLine());
    assertEquals(List.of("DependsOn", "Condition", Resource.APPLIES_WHEN),
        role.attributes().fields().stream().map(Value.Field::key).toList());
    assertEquals("IsProd", role.attributes().string("Condition").orElseThrow());
    assertTrue(role.appliesWhen().orElseThrow().startsWith("condition IsProd is true"), role.appliesWhen().toString());
    assertEquals(32, role.attributes().field("Condition").orElseThrow().keyRange().startLine());
    // Bucket's range ends with its last property line, not at the next key.
    assertEquals(28, resource(r, "Bucket").range().endLine());
  }

  @Test
  void yamlPositionsOfKeysAndValues() {
    Resource role = resource(parse("intrinsics.yaml"), "Role");
    Value.Field target = role.body().field("Target").orElseThrow();
    assertEquals(new SourceRange("intrinsics.yaml", 38, 7, 38, 12), target.keyRange());
    assertEquals(38, target.value().range().startLine());
    assertEquals(15, target.value().range().startColumn());
    Value policy = prop(role, "Policy");
    assertEquals(new SourceRange("intrinsics.yaml", 57, 15, 57, 33), policy.range());
    assertEquals("{\"Statement\": []}", policy.scalar().orElseThrow());
  }

  @Test
  void jsonPositionsAndIntrinsics() {
    ParseResult r = parse("intrinsics.json");
    assertEquals(List.of(), r.diagnostics());
    Resource role = resource(r, "Role");
    assertEquals(7, role.range().startLine());
    assertEquals(15, role.range().endLine());
    assertEquals(10, role.body().field("Arn").orElseThrow().keyRange().startLine());
    Value arn = prop(role, "Arn");
    assertEquals(new Value.Unknown("arn:${AWS::Partition}:iam::aws:policy/prod", arn.range(),
        new Value.Text("arn:" + Value.Unknown.HOLE + ":iam::aws:policy/prod", arn.range())), arn);
    assertEquals(10, arn.range().startLine());
    Value target = prop(role, "Target");
    assertEquals("Bucket", ((Value.Reference) target).target());
    assertEquals("Arn", ((Value.Reference) target).attribute());
    assertEquals("12345", role.body().string("Owner").orElseThrow());
    Value.Conditional maybe = (Value.Conditional) prop(role, "Maybe");
    assertInstanceOf(Value.Null.class, maybe.whenTrue());
    assertEquals("x", maybe.whenFalse().scalar().orElseThrow());
    Resource bucket = resource(r, "Bucket");
    assertEquals(0, bucket.body().size());
  }

  @Test
  void numberTextIsKept() {
    Resource bucket = resource(parse("intrinsics.yaml"), "Bucket");
    assertEquals("012345678901", bucket.body().string("Owner").orElseThrow());
    assertEquals("0123", bucket.body().string("Count").orElseThrow());
  }

  @Test
  void refToParametersPseudoParametersAndResources() {
    ParseResult r = parse("intrinsics.yaml");
    Resource bucket = resource(r, "Bucket");
    assertEquals(new Value.Text("prod-data", new SourceRange("intrinsics.yaml", 22, 19, 22, 36)),
        prop(bucket, "BucketName"));
    // AWS::NoValue drops the list item; Ref to a parameter default takes the Ref's position.
    List<Value> tags = prop(bucket, "Tags").elements();
    assertEquals(1, tags.size());
    Value env = tags.get(0).asObject().orElseThrow().get("Value").orElseThrow();
    assertEquals(new Value.Text("prod", new SourceRange("intrinsics.yaml", 28, 18, 28, 25), false,
        new Value.Origin("the default of parameter Env", new SourceRange("intrinsics.yaml", 6, 14, 6, 17))), env);

    Resource role = resource(r, "Role");
    assertEquals(new Value.Unknown("${AWS::Region}", prop(role, "Region").range()), prop(role, "Region"));
    assertEquals(new Value.Unknown("${Account}", prop(role, "Missing").range()), prop(role, "Missing"));
    Value.Reference ref = (Value.Reference) prop(role, "Target3");
    assertEquals("Bucket", ref.target());
    assertNull(ref.attribute());
    assertEquals(40, ref.range().startLine());
  }

  @Test
  void getAttBothForms() {
    Resource role = resource(parse("intrinsics.yaml"), "Role");
    for (String key : List.of("Target", "Target2")) {
      Value.Reference ref = (Value.Reference) prop(role, key);
      assertEquals("Bucket", ref.target());
      assertEquals("Arn", ref.attribute());
    }
  }

  @Test
  void subStringAndListForms() {
    Resource role = resource(parse("intrinsics.yaml"), "Role");
    List<Value> arns = prop(role, "ManagedPolicyArns").elements();
    assertEquals("arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess",
        ((Value.Unknown) arns.get(0)).expression());
    assertEquals(35, arns.get(0).range().startLine());
    assertEquals("arn:aws:iam::${Acct}:policy/fixed", ((Value.Unknown) arns.get(1)).expression());
    assertEquals("arn:aws:iam::111122223333:policy/x${Literal}", arns.get(2).scalar().orElseThrow());
  }

  @Test
  void joinSelectSplitFindInMapBase64() {
    Resource role = resource(parse("intrinsics.yaml"), "Role");
    assertEquals("arn:${AWS::Partition}:s3:${Bucket.Arn}", ((Value.Unknown) prop(role, "Joined")).expression());
    assertEquals("prod-x", prop(role, "Joined2").scalar().orElseThrow());
    assertEquals("b", prop(role, "Picked").scalar().orElseThrow());
    assertEquals(List.of("x", "y"), prop(role, "Parts").elements().stream().map(v -> v.scalar().orElseThrow()).toList());
    assertEquals("ami-123", prop(role, "Ami").scalar().orElseThrow());
    assertEquals(48, prop(role, "Ami").range().startLine());
    Value.Text userData = (Value.Text) prop(role, "UserData");
    assertEquals("#!/bin/bash\necho hi\n", userData.value());
    assertTrue(userData.verbatim());
    assertEquals(50, userData.range().startLine());
    assertEquals(9, userData.range().startColumn());
    for (String key : List.of("Import", "Azs", "Cidr", "Xf", "Bools")) {
      assertInstanceOf(Value.Unknown.class, prop(role, key), key);
    }
  }

  @Test
  void ifKeepsBothBranchesAndNoValueIsNull() {
    Resource role = resource(parse("intrinsics.yaml"), "Role");
    Value.Conditional c = (Value.Conditional) prop(role, "Maybe");
    assertEquals("IsProd", c.condition());
    assertEquals("*", c.whenTrue().scalar().orElseThrow());
    assertInstanceOf(Value.Null.class, c.whenFalse());
    assertEquals(43, c.range().startLine());
  }

  @Test
  void samPoliciesStayAsWritten() {
    ParseResult r = parse("sam.template");
    assertEquals(List.of(), r.diagnostics());
    Resource fn = resource(r, "Fn");
    assertEquals("AWS::Serverless::Function", fn.type());
    List<Value> policies = prop(fn, "Policies").elements();
    assertEquals(3, policies.size());
    assertEquals("AmazonS3ReadOnlyAccess", policies.get(0).scalar().orElseThrow());
    Value bucketName = policies.get(1).asObject().orElseThrow().object("S3CrudPolicy").orElseThrow()
        .get("BucketName").orElseThrow();
    assertEquals("Data", ((Value.Reference) bucketName).target());
    assertEquals("s3:*", policies.get(2).asObject().orElseThrow().blocks("Statement").get(0)
        .string("Action").orElseThrow());
  }

  @Test
  void aliasesMergeKeysAndDuplicatesAreWarnedNotExpanded() {
    ParseResult r = parse("warnings.yaml");
    List<String> warnings = r.diagnostics().stream()
        .filter(d -> d.level() == Diagnostic.Level.WARNING)
        .map(d -> d.line() + ":" + d.message().split(" ")[0] + " " + d.message().split(" ")[1])
        .toList();
    assertTrue(warnings.contains("4:YAML alias"), warnings.toString());
    assertTrue(warnings.contains("6:YAML merge"), warnings.toString());
    assertTrue(warnings.contains("6:YAML alias"), warnings.toString());
    assertTrue(warnings.contains("10:duplicate key"), warnings.toString());
    // The alias is not expanded, so Copy is not a mapping; Merged has no Type of its own.
    assertEquals(List.of(4, 5), errors(r).stream().map(Diagnostic::line).toList());
    assertEquals("AWS::SNS::Topic", resource(r, "Dup").type());
  }

  @Test
  void brokenYamlTemplateNamesTheLine() {
    ParseResult r = parse("broken.yaml");
    assertEquals(1, errors(r).size());
    Diagnostic d = errors(r).get(0);
    assertEquals("broken.yaml", d.file());
    assertEquals(6, d.line());
    assertTrue(d.message().startsWith("invalid YAML"), d.message());
    assertEquals(List.of(), r.resources());
  }

  @Test
  void brokenJsonTemplateNamesTheLine() {
    ParseResult r = parse("broken.json");
    assertEquals(1, errors(r).size());
    assertEquals(6, errors(r).get(0).line());
  }

  @Test
  void badEntriesAreSkippedWithErrors() {
    ParseResult r = parse("bad-entries.yaml");
    assertEquals(List.of("Good"), r.resources().stream().map(Resource::name).toList());
    assertEquals(List.of(5, 6), errors(r).stream().map(Diagnostic::line).toList());
  }

  @Test
  void otherYamlAndJsonAreNotTemplates() {
    for (String name : List.of("workflow.yml", "package.json")) {
      assertEquals(Optional.empty(), parser.parse(DATA.resolve(name), DATA), name);
    }
  }

  @Test
  void everyDocumentIsReadInItsOwnScopeWithAWarning() {
    ParseResult r = parse("multi-doc.yaml");
    assertEquals(List.of("First", "Second"), r.resources().stream().map(Resource::name).toList());
    assertEquals(List.of("multi-doc.yaml", "multi-doc.yaml#2"), r.resources().stream().map(Resource::scope).toList());
    assertEquals(6, r.resources().get(1).range().startLine());
    // A Kubernetes document followed by a template: the template is still found.
    assertEquals(List.of("deployment.yaml#2"), parse("deployment.yaml").resources().stream().map(Resource::scope).toList());
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.level() == Diagnostic.Level.WARNING && d.message().contains("2 YAML documents")));
  }

  @Test
  void missingFileIsAnErrorNotAnException(@TempDir Path dir) {
    ParseResult r = parser.parse(dir.resolve("gone.yaml"), dir).orElseThrow();
    assertEquals(Diagnostic.Level.ERROR, r.diagnostics().get(0).level());
    assertEquals("gone.yaml", r.diagnostics().get(0).file());
  }

  @Test
  void scopeIsRelativeWithForwardSlashes(@TempDir Path dir) throws IOException {
    Path sub = Files.createDirectories(dir.resolve("stacks").resolve("iam"));
    Path f = Files.writeString(sub.resolve("t.yml"), "Resources:\n  U:\n    Type: AWS::IAM::User\n");
    Resource u = parser.parse(f, dir).orElseThrow().resources().get(0);
    assertEquals("stacks/iam/t.yml", u.scope());
    assertEquals("stacks/iam/t.yml", u.range().file());
    assertEquals(0, u.body().size());
  }

  @Test
  void largeGeneratedTemplateParses(@TempDir Path dir) throws IOException {
    StringBuilder sb = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n");
    int n = 0;
    while (sb.length() < 4 * 1024 * 1024) {
      sb.append("  Role").append(n).append(":\n")
          .append("    Type: AWS::IAM::Role\n")
          .append("    Properties:\n")
          .append("      RoleName: !Sub \"role-${AWS::Region}-").append(n).append("\"\n")
          .append("      Policies:\n")
          .append("        - PolicyName: p\n")
          .append("          PolicyDocument:\n")
          .append("            Statement:\n")
          .append("              - Effect: Allow\n")
          .append("                Action: [\"s3:GetObject\", \"s3:PutObject\"]\n")
          .append("                Resource: !GetAtt Bucket.Arn\n");
      n++;
    }
    Path f = Files.writeString(dir.resolve("big.yaml"), sb);
    ParseResult r = parser.parse(f, dir).orElseThrow();
    assertEquals(List.of(), errors(r));
    assertEquals(n, r.resources().size());
    assertFalse(r.resources().isEmpty());
    Resource last = r.resources().get(n - 1);
    assertEquals(3 + 11 * (n - 1), last.range().startLine());
  }

  @Test
  void ssmParameterDefaultsAreNotValues(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("t.json"), """
        {"Parameters": {
           "Ami": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/aws/service/ami"},
           "Name": {"Type": "String", "Default": 7}},
         "Resources": {"I": {"Type": "AWS::EC2::Instance",
           "Properties": {"ImageId": {"Ref": "Ami"}, "N": {"Ref": "Name"}}}}}
        """);
    Resource i = parser.parse(f, dir).orElseThrow().resources().get(0);
    assertEquals(new Value.Unknown("${Ami}", prop(i, "ImageId").range()), prop(i, "ImageId"));
    assertEquals(new Value.Num("7", prop(i, "N").range()), prop(i, "N"));
    assertEquals(5, prop(i, "N").range().startLine());
  }

  @Test
  void conditionsAreEvaluatedWithTheParameterDefaults(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("t.json"), """
        {"Parameters": {"Env": {"Type": "String", "Default": "dev"}, "Open": {"Type": "String"}},
         "Conditions": {
           "IsDev": {"Fn::Equals": [{"Ref": "Env"}, "dev"]},
           "IsProd": {"Fn::Not": [{"Condition": "IsDev"}]},
           "IsOpen": {"Fn::Equals": [{"Ref": "Open"}, "yes"]},
           "DevOrOpen": {"Fn::Or": [{"Condition": "IsDev"}, {"Condition": "IsOpen"}]},
           "ProdAndOpen": {"Fn::And": [{"Condition": "IsProd"}, {"Condition": "IsOpen"}]},
           "Loop": {"Fn::Not": [{"Condition": "Loop"}]}},
         "Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {
           "A": {"Fn::If": ["IsDev", "x", "y"]}, "B": {"Fn::If": ["IsProd", "x", "y"]},
           "C": {"Fn::If": ["IsOpen", "x", "y"]}, "D": {"Fn::If": ["DevOrOpen", "x", "y"]},
           "E": {"Fn::If": ["ProdAndOpen", "x", "y"]}, "F": {"Fn::If": ["Loop", "x", "y"]}}}}}
        """);
    Resource b = parser.parse(f, dir).orElseThrow().resources().get(0);
    java.util.function.Function<String, Boolean> byDefault = k -> ((Value.Conditional) prop(b, k)).byDefault();
    assertEquals(Boolean.TRUE, byDefault.apply("A"));
    assertEquals(Boolean.FALSE, byDefault.apply("B"));
    assertEquals(null, byDefault.apply("C"));
    assertEquals(Boolean.TRUE, byDefault.apply("D"));
    assertEquals(Boolean.FALSE, byDefault.apply("E"));
    assertEquals(null, byDefault.apply("F"));
  }

  @Test
  void languageExtensionLoopsAndRainModulesAreWarningsNotErrors(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("t.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::LanguageExtensions
        Resources:
          Fn::ForEach::Queues:
            - Name
            - [Orders, Refunds]
            - ${Name}Queue:
                Type: AWS::SQS::Queue
          Network:
            Type:
              Rain::Module: ./vpc.yml
          Topic:
            Type: AWS::SNS::Topic
        """);
    ParseResult r = parser.parse(tmp.resolve("t.yaml"), tmp).orElseThrow();
    assertTrue(r.diagnostics().stream().noneMatch(d -> d.level() == Diagnostic.Level.ERROR), r.diagnostics().toString());
    assertEquals(2, r.diagnostics().size(), r.diagnostics().toString());
    assertEquals(List.of("Topic"), r.resources().stream().map(Resource::name).toList());
  }
}
