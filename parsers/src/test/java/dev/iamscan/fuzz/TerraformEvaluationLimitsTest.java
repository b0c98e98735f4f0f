package dev.iamscan.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.ParserLimits;
import dev.iamscan.model.Resource;
import dev.iamscan.model.Value;
import dev.iamscan.terraform.TerraformModuleParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terraform modules that would cost unbounded stack, memory or time to evaluate, generated here:
 * each bound of {@link ParserLimits} on evaluation ends with an unknown value and one diagnostic at
 * the file and line where it was reached, while the rest of the module is still scanned.
 */
class TerraformEvaluationLimitsTest {
  /** A guard against hangs only; these inputs take well under a second each once bounded. */
  private static final Duration HANG = Duration.ofSeconds(30);

  @TempDir Path root;

  private ParseResult parse(ParserLimits limits, Map<String, String> files) throws IOException {
    Path dir = Files.createDirectories(root.resolve("m"));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
    ParseResult r = within(() -> new TerraformModuleParser(limits).parse(dir, root, List.of()));
    for (Map.Entry<String, String> f : files.entrySet()) {
      ParseInvariants.assertLinesInside(r, "m/" + f.getKey(), ParseInvariants.lineCount(f.getValue()));
    }
    return r;
  }

  private ParseResult parse(String mainTf) throws IOException {
    return parse(ParserLimits.DEFAULTS, Map.of("main.tf", mainTf));
  }

  private static <T> T within(Supplier<T> parse) {
    return assertTimeoutPreemptively(HANG, parse::get);
  }

  /** The only diagnostic containing {@code text}; fails when there is none or more than one. */
  private static Diagnostic one(ParseResult r, Diagnostic.Level level, String file, String text) {
    List<Diagnostic> found = r.diagnostics().stream()
        .filter(d -> d.level() == level && d.file().equals(file) && d.message().contains(text)).toList();
    assertEquals(1, found.size(), "expected one " + level + " '" + text + "' in " + file + ": " + r.diagnostics());
    return found.get(0);
  }

  private static Resource resource(ParseResult r, String name) {
    return r.resources().stream().filter(x -> x.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no resource " + name + " in " + r.resources()));
  }

  private static Value attribute(ParseResult r, String resource, String name) {
    return resource(r, resource).body().get(name).orElseThrow();
  }

  private static final String USER = """
      resource "aws_iam_user" "after" {
        name = "still-scanned"
      }
      """;

  // ---- depth of evaluation ----

  @Test
  void aLongChainOfLocalsIsCutNotAStackOverflow() throws IOException {
    int n = 20_000;
    StringBuilder tf = new StringBuilder("locals {\n  a0 = \"x\"\n");
    for (int i = 1; i <= n; i++) tf.append("  a").append(i).append(" = local.a").append(i - 1).append('\n');
    tf.append("}\n\nresource \"aws_iam_user\" \"u\" {\n  name = local.a").append(n).append("\n}\n").append(USER);
    ParseResult r = parse(tf.toString());
    Diagnostic d = one(r, Diagnostic.Level.WARNING, "m/main.tf", "nested expressions, locals");
    // the resource's attribute is the first evaluation, local a(n) the second, ...; a(i) is on line i + 2
    int cut = n - (ParserLimits.DEFAULT_MAX_EVALUATION_DEPTH - 1);
    assertEquals(cut + 2, d.line());
    assertTrue(attribute(r, "u", "name") instanceof Value.Unknown);
    assertEquals("still-scanned", attribute(r, "after", "name").scalar().orElseThrow());
  }

  @Test
  void valuesWrappedThroughLocalsStayShallow() throws IOException {
    // each local nests the previous one 200 levels deeper; evaluated first to last, so the stack
    // stays shallow while the value would grow to 20,000 levels
    int n = 100;
    StringBuilder tf = new StringBuilder("locals {\n  a0 = \"x\"\n");
    for (int i = 1; i <= n; i++) {
      tf.append("  a").append(i).append(" = ").append("[".repeat(200)).append("local.a").append(i - 1)
          .append("]".repeat(200)).append('\n');
    }
    tf.append("}\n");
    for (int i = 1; i <= n; i++) {
      tf.append("resource \"aws_iam_user\" \"u").append(i).append("\" {\n  name = local.a").append(i).append("\n}\n");
    }
    ParseResult r = parse(tf.toString());
    Diagnostic d = one(r, Diagnostic.Level.WARNING, "m/main.tf", "levels deep");
    assertEquals(4, d.line()); // a2: 400 levels
    assertTrue(attribute(r, "u" + n, "name") instanceof Value.Unknown);
  }

  // ---- templatefile ----

  @Test
  void aTemplateThatRendersItselfIsRefused() throws IOException {
    ParseResult r = parse(ParserLimits.DEFAULTS, Map.of(
        "main.tf", "resource \"aws_iam_policy\" \"p\" {\n  policy = templatefile(\"t.tpl\", {})\n}\n" + USER,
        "t.tpl", "{\n  \"x\": \"${templatefile(\"t.tpl\", {})}\"\n}\n"));
    Diagnostic d = one(r, Diagnostic.Level.WARNING, "m/t.tpl", "renders itself");
    assertEquals(2, d.line());
    assertTrue(attribute(r, "p", "policy") instanceof Value.Unknown);
    resource(r, "after");
  }

  @Test
  void nestedTemplatesStopAtTheirDepth() throws IOException {
    Map<String, String> files = new java.util.HashMap<>();
    files.put("main.tf", "resource \"aws_iam_policy\" \"p\" {\n  policy = templatefile(\"t0.tpl\", {})\n}\n" + USER);
    int n = ParserLimits.DEFAULT_MAX_TEMPLATE_DEPTH + 4;
    for (int i = 0; i < n; i++) files.put("t" + i + ".tpl", "x\n${templatefile(\"t" + (i + 1) + ".tpl\", {})}\n");
    files.put("t" + n + ".tpl", "end\n");
    ParseResult r = parse(ParserLimits.DEFAULTS, files);
    int last = ParserLimits.DEFAULT_MAX_TEMPLATE_DEPTH - 1; // t0 is the first rendered
    Diagnostic d = one(r, Diagnostic.Level.WARNING, "m/t" + last + ".tpl", "templatefile calls deep");
    assertEquals(2, d.line());
    resource(r, "after");
  }

  // ---- length of strings and collections ----

  @Test
  void doublingAStringThroughLocalsStopsAtTheStringLimit() throws IOException {
    int n = 40; // 2^40 characters unbounded
    StringBuilder tf = new StringBuilder("locals {\n  a0 = \"xx\"\n");
    for (int i = 1; i <= n; i++) {
      tf.append("  a").append(i).append(" = \"${local.a").append(i - 1).append("}${local.a").append(i - 1).append("}\"\n");
    }
    tf.append("}\n\nresource \"aws_iam_user\" \"u\" {\n  name = local.a").append(n).append("\n}\n").append(USER);
    ParseResult r = parse(tf.toString());
    // a(i) holds 2^(i+1) characters: a23 is the first above 8 Mi, on line 25
    Diagnostic d = one(r, Diagnostic.Level.WARNING, "m/main.tf", "rendered template would be longer than");
    assertEquals(25, d.line());
    assertTrue(attribute(r, "u", "name") instanceof Value.Unknown);
    resource(r, "after");
  }

  @Test
  void functionResultsAreBoundedInLengthAndSize() throws IOException {
    ParserLimits small = ParserLimits.DEFAULTS.withMaxStringLength(1000).withMaxCollectionSize(100);
    String tf = """
        locals {
          s    = "0123456789"
          l    = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
          s100 = "${local.s}${local.s}${local.s}${local.s}${local.s}${local.s}${local.s}${local.s}${local.s}${local.s}"
          l50  = concat(local.l, local.l, local.l, local.l, local.l)
        }

        resource "aws_iam_user" "u" {
          join      = join(",", concat(local.l50, [local.s100, local.s100, local.s100, local.s100, local.s100, local.s100, local.s100, local.s100, local.s100, local.s100]))
          replace   = replace(local.s100, "0", local.s100)
          format    = format("%s%s%s%s%s%s%s%s%s%s%s", local.s100, local.s100, local.s100, local.s100, local.s100, local.s100, local.s100, local.s100, local.s100, local.s100, local.s100)
          json      = jsonencode(join("", [local.s100, local.s100, local.s100, local.s100, local.s100, "<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<"]))
          concat    = concat(local.l50, local.l50, local.l)
          flatten   = flatten([local.l50, [local.l50, [local.l]]])
          split     = split(",", join(",", local.l50, local.l50))
          ok        = length(concat(local.l50, local.l50))
        }
        """ + USER;
    ParseResult r = parse(small, Map.of("main.tf", tf));
    String[][] expected = {
        {"join", "9", "the result of join() would be longer than 1000"},
        {"replace", "10", "the result of replace() would be longer"},
        {"format", "11", "the result of format() would be longer"},
        {"json", "12", "the result of jsonencode() would be longer"},
        {"concat", "13", "the result of concat() would hold more than 100"},
        {"flatten", "14", "the result of flatten() would hold more"},
    };
    for (String[] e : expected) {
      Diagnostic d = one(r, Diagnostic.Level.WARNING, "m/main.tf", e[2]);
      assertEquals(Integer.parseInt(e[1]), d.line(), e[0]);
      assertTrue(attribute(r, "u", e[0]) instanceof Value.Unknown, e[0]);
    }
    assertEquals("100", attribute(r, "u", "ok").scalar().orElseThrow());
    assertTrue(attribute(r, "u", "split") instanceof Value.ListValue, "100 items fit");
    resource(r, "after");
  }

  @Test
  void aForExpressionAboveTheCollectionSizeIsUnknown() throws IOException {
    ParserLimits small = ParserLimits.DEFAULTS.withMaxCollectionSize(100);
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 150; i++) items.append(i == 0 ? "" : ", ").append(i);
    String tf = "locals {\n  l = [" + items + "]\n}\n\nresource \"aws_iam_user\" \"u\" {\n"
        + "  tags = [for x in local.l : x]\n}\n" + USER;
    ParseResult r = parse(small, Map.of("main.tf", tf));
    assertEquals(6, one(r, Diagnostic.Level.WARNING, "m/main.tf", "for expression would hold more than 100").line());
    assertTrue(attribute(r, "u", "tags") instanceof Value.Unknown);
  }

  // ---- evaluation steps ----

  @Test
  void nestedForExpressionsStopAtTheStepBudget() throws IOException {
    StringBuilder forty = new StringBuilder();
    for (int i = 0; i < 40; i++) forty.append(i == 0 ? "" : ", ").append(i);
    String tf = "locals {\n  l = [" + forty + "]\n"
        + "  big = [for a in local.l : [for b in local.l : [for c in local.l : [for d in local.l : [for e in local.l : \"${a}-${b}-${c}-${d}-${e}\"]]]]]\n"
        + "}\n\nresource \"aws_iam_policy\" \"p\" {\n  policy = jsonencode(local.big)\n}\n" + USER;
    ParseResult r = parse(tf);
    Diagnostic d = one(r, Diagnostic.Level.WARNING, "m/main.tf", "only partly scanned");
    assertEquals(3, d.line());
    assertTrue(attribute(r, "p", "policy") instanceof Value.Unknown);
    // past the budget every value is unknown, but resources are still reported with their positions
    assertEquals(9, resource(r, "after").range().startLine());
  }

  // ---- dynamic blocks ----

  @Test
  void nestedDynamicBlocksStopAtTheirInstanceLimit() throws IOException {
    StringBuilder hundred = new StringBuilder();
    for (int i = 0; i < 200; i++) hundred.append(i == 0 ? "" : ", ").append('"').append(i).append('"');
    String tf = "locals {\n  l = [" + hundred + "]\n}\n\n"
        + "resource \"aws_iam_policy_document_like\" \"d\" {\n"
        + "  dynamic \"statement\" {\n"
        + "    for_each = local.l\n"
        + "    content {\n"
        + "      dynamic \"condition\" {\n"
        + "        for_each = local.l\n"
        + "        content {\n"
        + "          values = [condition.value]\n"
        + "        }\n"
        + "      }\n"
        + "    }\n"
        + "  }\n"
        + "}\n" + USER;
    ParseResult r = parse(tf);
    Diagnostic d = one(r, Diagnostic.Level.WARNING, "m/main.tf", "would generate more than 10000 blocks");
    assertEquals(9, d.line());
    Value.ObjectValue body = resource(r, "d").body();
    assertTrue(body.fields().stream().anyMatch(f -> f.value() instanceof Value.Unknown)
        || body.fields().stream().anyMatch(f -> f.value() instanceof Value.ObjectValue o
            && o.fields().stream().anyMatch(g -> g.value() instanceof Value.Unknown)),
        "the blocks beyond the limit stand as unknown");
    resource(r, "after");
  }

  // ---- file sizes and limits passed on ----

  @Test
  void filesAboveTheSizeLimitAreNotRead() throws IOException {
    ParserLimits small = ParserLimits.DEFAULTS.withMaxFileBytes(1024);
    String big = "{\"a\": \"" + "x".repeat(2000) + "\"}\n";
    ParseResult r = parse(small, Map.of(
        "main.tf", "resource \"aws_iam_policy\" \"p\" {\n  policy = file(\"policy.json\")\n}\n" + USER,
        "policy.json", big,
        "big.tf", "# " + "-".repeat(2000) + "\n" + USER.replace("after", "hidden")));
    assertEquals(2, one(r, Diagnostic.Level.WARNING, "m/main.tf", "larger than the limit of 1024 bytes").line());
    assertTrue(attribute(r, "p", "policy") instanceof Value.Unknown);
    assertEquals(1, one(r, Diagnostic.Level.ERROR, "m/big.tf", "larger than the limit of 1024 bytes").line());
    assertTrue(r.resources().stream().noneMatch(x -> x.name().equals("hidden")));
    resource(r, "after");
  }

  @Test
  void syntaxLimitsReachTheHclAndJsonReaders() throws IOException {
    ParserLimits shallow = ParserLimits.DEFAULTS.withMaxNestingDepth(4);
    ParseResult r = parse(shallow, Map.of(
        "main.tf", "locals {\n  a = [[[[[1]]]]]\n}\n",
        "other.tf.json", "{\"locals\": {\n\"b\": [[[[[1]]]]]}}\n"));
    assertEquals(2, one(r, Diagnostic.Level.ERROR, "m/main.tf", "nested more than").line());
    assertEquals(2, one(r, Diagnostic.Level.ERROR, "m/other.tf.json", "").line());
  }
}
