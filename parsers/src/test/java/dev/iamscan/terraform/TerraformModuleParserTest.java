package dev.iamscan.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.Resource;
import dev.iamscan.model.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformModuleParserTest {
  static final Path ROOT = locate("testdata/parsers/terraform");

  static Path locate(String rel) {
    Path p = Path.of(rel);
    return Files.isDirectory(p) ? p : Path.of("..").resolve(rel);
  }

  static ParseResult parse(String dir, Path... varFiles) {
    return new TerraformModuleParser().parse(ROOT.resolve(dir), ROOT, List.of(varFiles));
  }

  static Resource find(ParseResult r, String address) {
    return r.resources().stream().filter(x -> x.address().equals(address)).findFirst()
        .orElseThrow(() -> new AssertionError("no resource " + address + " in " + r.resources()));
  }

  static Optional<Resource> maybe(ParseResult r, String address) {
    return r.resources().stream().filter(x -> x.address().equals(address)).findFirst();
  }

  static String text(Value v) {
    return assertInstanceOf(Value.Text.class, v).value();
  }

  final ParseResult basic = parse("basic");

  @Test
  void basicModuleHasNoErrorsAndNamesFilesFromTheScanRoot() {
    assertTrue(basic.diagnostics().stream().noneMatch(d -> d.level() == Diagnostic.Level.ERROR), basic.diagnostics().toString());
    assertTrue(basic.files().contains("basic/main.tf"), basic.files().toString());
    Resource u = find(basic, "aws_iam_user.deploy");
    assertEquals("basic", u.scope());
    assertEquals("basic/main.tf", u.range().file());
    assertEquals(1, u.range().startLine());
    assertEquals(4, u.range().endLine());
  }

  @Test
  void variablesComeFromDefaultsThenTfvarsThenAutoTfvars() {
    Resource u = find(basic, "aws_iam_user.deploy");
    assertEquals("deploy-prod", text(u.body().get("name").orElseThrow()));
    assertEquals("/from-auto-json/", text(u.body().get("path").orElseThrow()));
    assertEquals(2, u.body().field("name").orElseThrow().keyRange().startLine());
  }

  @Test
  void varFilesApplyLastAndKnownCountZeroOmitsTheResource() {
    assertTrue(maybe(basic, "aws_iam_access_key.never").isPresent());
    ParseResult withFile = parse("basic", ROOT.resolve("basic.extra.tfvars"));
    assertTrue(maybe(withFile, "aws_iam_access_key.never").isEmpty());
    assertTrue(withFile.files().contains("basic.extra.tfvars"), withFile.files().toString());
  }

  @Test
  void unknownCountKeepsTheResourceAndMetaArgumentsGoToAttributes() {
    Resource k = find(basic, "aws_iam_access_key.maybe");
    assertFalse(k.body().has("count"));
    assertInstanceOf(Value.Conditional.class, k.attributes().get("count").orElseThrow());
    Value.Reference ref = assertInstanceOf(Value.Reference.class, k.body().get("user").orElseThrow());
    assertEquals("module.site", ref.target());
    assertEquals("role_arn", ref.attribute());
  }

  @Test
  void heredocTextStartsAtItsFirstContentLine() {
    Value.Text t = assertInstanceOf(Value.Text.class, find(basic, "aws_iam_user_policy.heredoc").body().get("policy").orElseThrow());
    assertTrue(t.verbatim());
    assertEquals(9, t.range().startLine());
    assertTrue(t.value().startsWith("{\n  \"Statement\""), t.value());
    Value.Reference user = assertInstanceOf(Value.Reference.class, find(basic, "aws_iam_user_policy.heredoc").body().get("user").orElseThrow());
    assertEquals("aws_iam_user.deploy", user.target());
    assertEquals("name", user.attribute());
  }

  @Test
  void flushHeredocStripsCommonIndentation() {
    Resource r = find(basic, "aws_iam_role_policy.flush");
    Value.Text t = assertInstanceOf(Value.Text.class, r.body().get("policy").orElseThrow());
    assertEquals("{\n  \"Version\": \"2012-10-17\"\n}\n", t.value());
    assertEquals(18, t.range().startLine());
    assertEquals(5, t.range().startColumn());
    Value.Reference role = assertInstanceOf(Value.Reference.class, r.body().get("role").orElseThrow());
    assertEquals("aws_iam_user.deploy", role.target());
    assertEquals("arn", role.attribute());
  }

  @Test
  void jsonencodeKeepsTheDocumentWithPositionsAndSerialisesInStrings() {
    Resource p = find(basic, "aws_iam_policy.encoded");
    Value.ObjectValue doc = assertInstanceOf(Value.ObjectValue.class, p.body().get("policy").orElseThrow());
    Value.ObjectValue stmt = doc.blocks("Statement").get(0);
    assertEquals(29, stmt.range().startLine());
    assertEquals(30, stmt.field("Effect").orElseThrow().keyRange().startLine());
    assertEquals("doc: {\"a\":1}", text(p.body().get("description").orElseThrow()));
    assertEquals("team-prod-policy", text(p.body().get("name").orElseThrow()));
  }

  @Test
  void fileReadsRelativeToTheModuleAndMergeCombinesMaps() {
    Resource p = find(basic, "aws_iam_policy.from_file");
    Value.Text t = assertInstanceOf(Value.Text.class, p.body().get("policy").orElseThrow());
    assertEquals("basic/policy.json", t.range().file());
    assertEquals(1, t.range().startLine());
    assertTrue(t.verbatim());
    Value.ObjectValue tags = p.body().object("tags").orElseThrow();
    assertEquals("sec", tags.string("Owner").orElseThrow());
    assertEquals("X", tags.string("Extra").orElseThrow());
  }

  @Test
  void dynamicStatementsExpandWhenKnownAndStayUnknownOtherwise() {
    Resource d = find(basic, "data.aws_iam_policy_document.doc");
    assertEquals("data", d.kind());
    List<Value.Field> statements = d.body().all("statement");
    assertEquals(4, statements.size());
    assertEquals(3, d.body().blocks("statement").size());
    Value.ObjectValue first = d.body().blocks("statement").get(0);
    assertEquals("*", first.blocks("principals").get(0).get("identifiers").orElseThrow().elements().get(0).scalar().orElseThrow());
    Value.ObjectValue a = d.body().blocks("statement").get(1);
    assertEquals("arn:aws:s3:::a", a.get("resources").orElseThrow().elements().get(0).scalar().orElseThrow());
    assertEquals("s3:GetObject", a.get("actions").orElseThrow().elements().get(0).scalar().orElseThrow());
    assertInstanceOf(Value.Unknown.class, statements.get(3).value());
  }

  @Test
  void constructsHcl4jRejectsStillYieldValues() {
    Resource r = find(basic, "aws_iam_role.r");
    assertEquals("owned", r.body().object("tags").orElseThrow().string("k8s.io/prod").orElseThrow());
    assertEquals("zero", r.body().object("numeric").orElseThrow().object("0").orElseThrow().string("a").orElseThrow());
    Value.ObjectValue keyed = r.body().object("keyed").orElseThrow();
    assertTrue(keyed.has("arn:aws:s3:::a_A"), keyed.toString());
    Value.Reference ref = assertInstanceOf(Value.Reference.class, r.body().get("assume_role_policy").orElseThrow());
    assertEquals("data.aws_iam_policy_document.doc", ref.target());
    assertEquals("json", ref.attribute());
  }

  @Test
  void localCyclesAreUnknownAndProvidersUseTheirAlias() {
    assertInstanceOf(Value.Unknown.class, find(basic, "aws_s3_bucket.loop").body().get("bucket").orElseThrow());
    Resource p = find(basic, "provider.aws.east");
    assertEquals("provider", p.kind());
    assertEquals("us-east-1", p.body().string("region").orElseThrow());
  }

  @Test
  void unparsableFileGivesAnErrorWithItsLineAndOtherFilesStillScan() {
    ParseResult r = parse("badsyntax");
    Diagnostic d = r.diagnostics().stream().filter(x -> x.level() == Diagnostic.Level.ERROR).findFirst().orElseThrow();
    assertEquals("badsyntax/broken.tf", d.file());
    assertEquals(3, d.line());
    assertTrue(maybe(r, "aws_iam_user.bad").isEmpty());
    assertTrue(maybe(r, "aws_iam_user.ok").isPresent());
  }

  @Test
  void jsonSyntaxEvaluatesTemplates() {
    ParseResult r = parse("json");
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
    Resource u = find(r, "aws_iam_user.u");
    assertEquals("user-qa", text(u.body().get("name").orElseThrow()));
    assertEquals(8, u.body().field("name").orElseThrow().keyRange().startLine());
    Value.Reference ref = assertInstanceOf(Value.Reference.class, find(r, "aws_iam_user_policy.p").body().get("user").orElseThrow());
    assertEquals("aws_iam_user.u", ref.target());
  }

  @Test
  void fileOutsideTheScanRootIsRefusedEvenThroughASymlink(@TempDir Path tmp) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root/mod"));
    Files.writeString(tmp.resolve("secret.txt"), "top secret");
    Files.writeString(root.resolve("inside.txt"), "fine");
    Files.createSymbolicLink(root.resolve("link.txt"), tmp.resolve("secret.txt"));
    Files.writeString(root.resolve("main.tf"), """
        resource "a" "outside" {
          v = file("../../secret.txt")
        }
        resource "a" "link" {
          v = file("link.txt")
        }
        resource "a" "inside" {
          v = file("inside.txt")
        }
        """);
    ParseResult r = new TerraformModuleParser().parse(root, tmp.resolve("root"), List.of());
    assertInstanceOf(Value.Unknown.class, find(r, "a.outside").body().get("v").orElseThrow());
    assertInstanceOf(Value.Unknown.class, find(r, "a.link").body().get("v").orElseThrow());
    assertEquals("fine", text(find(r, "a.inside").body().get("v").orElseThrow()));
    List<Diagnostic> warnings = r.diagnostics();
    assertEquals(2, warnings.size(), warnings.toString());
    assertEquals("mod/main.tf", warnings.get(0).file());
    assertEquals(2, warnings.get(0).line());
    assertEquals(5, warnings.get(1).line());
  }

  @Test
  void emptyForEachOmitsAndNonUtf8IsAnError(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("a.tf"), """
        resource "a" "none" {
          for_each = {}
        }
        resource "a" "some" {
          for_each = toset(["x"])
          name     = each.key
        }
        """);
    Files.write(tmp.resolve("b.tf"), new byte[] {'#', ' ', (byte) 0xff, '\n'});
    ParseResult r = new TerraformModuleParser().parse(tmp, tmp, List.of());
    assertTrue(maybe(r, "a.none").isEmpty());
    assertInstanceOf(Value.Unknown.class, find(r, "a.some").body().get("name").orElseThrow());
    assertEquals(1, r.diagnostics().size());
    assertEquals("b.tf", r.diagnostics().get(0).file());
    assertEquals(".", r.resources().get(0).scope());
  }

  @Test
  void resourcesSwitchedOffByDefaultsAreKeptAndLiteralZeroIsNot(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("a.tf"), """
        variable "enable_x" { default = false }
        variable "names" { default = [] }
        variable "on" { default = true }
        resource "a" "by_default" {
          count = var.enable_x ? 1 : 0
        }
        resource "a" "negated" {
          count = var.on ? 0 : 1
        }
        resource "a" "each" {
          for_each = toset(var.names)
        }
        resource "a" "literal" {
          count = 0
        }
        resource "a" "always" {
          count = var.on ? 1 : 0
        }
        module "child" {
          source   = "./child"
          enable_y = false
        }
        module "passed_on" {
          source   = "./child"
          enable_y = false || var.enable_x
        }
        module "optional" {
          source = "./opt"
          count  = var.enable_x ? 1 : 0
        }
        module "literal_off" {
          source = "./opt"
          count  = 0
        }
        variable "items" { default = {} }
        module "each_on" {
          source   = "./opt"
          for_each = var.enable_x ? { a = 1 } : {}
        }
        module "wrapper" {
          source   = "./opt"
          for_each = var.items
        }
        """);
    Files.createDirectories(tmp.resolve("opt"));
    Files.writeString(tmp.resolve("opt/c.tf"), """
        resource "c" "inside" {}
        """);
    Files.createDirectories(tmp.resolve("child"));
    Files.writeString(tmp.resolve("child/b.tf"), """
        variable "enable_y" { default = true }
        resource "b" "told_off" {
          count = var.enable_y ? 1 : 0
        }
        """);
    ParseResult r = new TerraformModuleParser().parse(tmp, tmp, List.of());
    assertEquals(Optional.of("var.enable_x = true"), find(r, "a.by_default").appliesWhen());
    assertEquals(Optional.of("var.on = false"), find(r, "a.negated").appliesWhen());
    assertEquals(Optional.of("for_each = toset(var.names) is not empty"), find(r, "a.each").appliesWhen());
    assertTrue(maybe(r, "a.literal").isEmpty(), "count = 0 written as a literal stays off");
    assertEquals(Optional.empty(), find(r, "a.always").appliesWhen());
    // the caller's argument switches it off in module.child; in module.passed_on the argument
    // rests on the root's default, so the resource is scanned there
    List<Resource> toldOff = r.resources().stream().filter(x -> x.name().equals("told_off")).toList();
    assertEquals(1, toldOff.size());
    assertEquals("module.passed_on", toldOff.get(0).modulePath());
    assertEquals(Optional.of("var.enable_y = true"), toldOff.get(0).appliesWhen());
    // a module call switched off by a default: its resources are scanned, saying when
    List<Resource> inside = r.resources().stream().filter(x -> x.name().equals("inside")).toList();
    // a for_each switched by a default yields the instances of its other branch; a default empty
    // map of items (a wrapper) yields nothing, as nothing says what an item would hold
    assertEquals(List.of("module.each_on", "module.optional"), inside.stream().map(Resource::modulePath).sorted().toList());
    assertEquals(List.of(Optional.of("var.enable_x = true")),
        inside.stream().map(Resource::appliesWhen).distinct().toList());
  }

  @Test
  void oneKnownOperandSettlesALogicalOperator(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("a.tf"), """
        variable "create" { default = false }
        variable "unset" {}
        resource "a" "disabled" {
          count = var.create && var.unset ? 1 : 0
        }
        resource "a" "disabled_right" {
          count = var.unset && var.create ? 1 : 0
        }
        resource "a" "maybe" {
          count = var.unset && !var.create ? 1 : 0
          always = var.unset || !var.create
        }
        """);
    ParseResult r = new TerraformModuleParser().parse(tmp, tmp, List.of());
    // switched off only by the default of var.create: scanned, saying what turns it on
    assertEquals(Optional.of("var.create && var.unset is true"), find(r, "a.disabled").appliesWhen());
    assertEquals(Optional.of("var.unset && var.create is true"), find(r, "a.disabled_right").appliesWhen());
    Resource maybe = find(r, "a.maybe");
    assertInstanceOf(Value.Conditional.class, maybe.attributes().get("count").orElseThrow());
    assertEquals(Optional.of("true"), maybe.body().get("always").orElseThrow().scalar());
  }
}
