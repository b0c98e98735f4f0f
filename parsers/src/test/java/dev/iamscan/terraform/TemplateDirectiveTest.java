package dev.iamscan.terraform;

import static dev.iamscan.terraform.TerraformModuleParserTest.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.iam.IamView;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.Value;
import dev.iamscan.policy.PolicyDocument;
import dev.iamscan.policy.PolicyReader;
import dev.iamscan.policy.PolicyStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template directives ({@code %{ if }}, {@code %{ for }}) and policy text with holes. */
class TemplateDirectiveTest {
  private static ParseResult parse(Path dir, String tf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), tf);
    return new TerraformModuleParser().parse(dir, dir, List.of());
  }

  private static PolicyDocument policy(ParseResult r, String address) {
    Resource res = find(r, address);
    return new PolicyReader(new ResourceModel(r.resources())).read(res.body().get("policy").orElseThrow(), res);
  }

  @Test
  void knownDirectivesRenderAsTerraformDoes(@TempDir Path dir) throws IOException {
    ParseResult r = parse(dir, """
        variable "on" { default = true }
        resource "a" "x" {
          v = "%{ if var.on }yes%{ else }no%{ endif }"
          w = "%{ for i, n in ["a", "b"] }${i}${n};%{ endfor }"
          e = "%{ for n in [] }${n}%{ endfor }."
        }
        """);
    Resource x = find(r, "a.x");
    assertEquals(Value.Text.class, x.body().get("v").orElseThrow().getClass());
    assertEquals("yes", x.body().get("v").orElseThrow().scalar().orElseThrow());
    assertEquals("0a;1b;", x.body().get("w").orElseThrow().scalar().orElseThrow());
    assertEquals(".", x.body().get("e").orElseThrow().scalar().orElseThrow());
  }

  @Test
  void anUnknownConditionYieldsBothOutcomes(@TempDir Path dir) throws IOException {
    ParseResult r = parse(dir, """
        variable "on" {}
        resource "a" "x" {
          v = "%{ if var.on }yes%{ else }no%{ endif }"
        }
        """);
    Value.Conditional c = assertInstanceOf(Value.Conditional.class, find(r, "a.x").body().get("v").orElseThrow());
    assertEquals("%{ if var.on }", c.condition());
    assertEquals("yes", c.whenTrue().scalar().orElseThrow());
    assertEquals("no", c.whenFalse().scalar().orElseThrow());
  }

  @Test
  void statementsInsideDirectivesKeepTheirLines(@TempDir Path dir) throws IOException {
    ParseResult r = parse(dir, """
        variable "extra" {}
        variable "arns" {}
        resource "aws_iam_policy" "p" {
          policy = <<EOF
        {
          "Statement": [
        %{ if var.extra ~}
            {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
        %{ endif ~}
        %{ for i, a in var.arns ~}
            {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "${a}"}%{ if i < length(var.arns) - 1 },%{ endif }
        %{ endfor ~}
          ]
        }
        EOF
        }
        """);
    PolicyDocument d = policy(r, "aws_iam_policy.p");
    assertEquals(List.of(), d.problems());
    // both renderings of the if, each statement once
    assertEquals(List.of(8, 11), d.statements().stream().map(s -> s.range().startLine()).toList());
    PolicyStatement send = d.statements().get(1);
    assertEquals("sqs:SendMessage", send.actions().known().get(0).value());
    assertTrue(send.resources().hasUnknown());
  }

  @Test
  void aHoleWhereAValueGoesIsAnUnknownValue(@TempDir Path dir) throws IOException {
    ParseResult r = parse(dir, """
        variable "arns" {}
        resource "aws_iam_policy" "p" {
          policy = <<EOF
        {"Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": ${jsonencode(var.arns)}}]}
        EOF
        }
        """);
    PolicyDocument d = policy(r, "aws_iam_policy.p");
    assertEquals(1, d.statements().size());
    assertTrue(d.statements().get(0).resources().hasUnknown());
  }

  @Test
  void textWithHolesThatIsNotJsonIsAWarning(@TempDir Path dir) throws IOException {
    ParseResult r = parse(dir, """
        variable "v" {}
        resource "aws_iam_policy" "p" {
          policy = <<EOF
        {"Statement": [{"Effect": "Allow", "Action": "kms:*" "Resource": "${var.v}"}]}
        EOF
        }
        """);
    PolicyDocument d = policy(r, "aws_iam_policy.p");
    assertEquals(List.of(), d.statements());
    assertEquals(1, d.problems().size());
    Diagnostic w = d.problems().get(0);
    assertEquals(Diagnostic.Level.WARNING, w.level());
    assertEquals("main.tf", w.file());
    assertEquals(4, w.line());
    assertEquals(List.of(w), IamView.build(new ResourceModel(r.resources())).documentWarnings());
  }

  @Test
  void templateFilesWithHolesAndDirectivesAreRead(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("p.json.tpl"), """
        {
          "Statement": [
        %{ for p in prefixes ~}
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "${bucket}/${p}/*"},
        %{ endfor ~}
            {"Effect": "Allow", "Action": "kms:*", "Resource": "${bucket}"}
          ]
        }
        """);
    ParseResult r = parse(dir, """
        resource "aws_s3_bucket" "b" {}
        resource "aws_iam_policy" "p" {
          policy = templatefile("${path.module}/p.json.tpl", { bucket = aws_s3_bucket.b.arn, prefixes = ["a", "b"] })
        }
        """);
    PolicyDocument d = policy(r, "aws_iam_policy.p");
    assertEquals(3, d.statements().size());
    assertEquals("p.json.tpl", d.statements().get(2).range().file());
    assertEquals(6, d.statements().get(2).range().startLine());
    assertEquals(4, d.statements().get(0).range().startLine());
  }

  @Test
  void anUnclosedDirectiveIsASyntaxError(@TempDir Path dir) throws IOException {
    ParseResult r = parse(dir, """
        resource "a" "x" {
          v = "%{ if true }yes"
        }
        """);
    assertEquals(1, r.diagnostics().size());
    assertTrue(r.diagnostics().get(0).message().contains("never closed"), r.diagnostics().toString());
  }
}
