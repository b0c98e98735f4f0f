package dev.iamscan.scanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.scanner.Scanner;
import dev.iamscan.scanner.ToolInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
  @TempDir Path cwd;
  String out;
  String err;

  private int run(String... args) {
    CliEnvironment environment = new CliEnvironment(cwd, Map.of(), false, ToolInfo.load(), Scanner.allRules(),
        Scanner::withDefaults);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = IamscanCommand.create(environment, new PrintWriter(o), new PrintWriter(e)).execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  private void chain() throws IOException {
    Files.createDirectories(cwd.resolve("iam"));
    Files.writeString(cwd.resolve("iam/main.tf"), """
        resource "aws_iam_user" "dev" {
          name = "dev"
        }
        resource "aws_iam_role" "deployer" {
          name               = "deployer"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::123456789012:user/dev" } }] })
        }
        resource "aws_iam_role_policy" "deployer" {
          role   = aws_iam_role.deployer.id
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:AttachRolePolicy", Resource = "arn:aws:iam::123456789012:role/*" }] })
        }
        resource "aws_iam_user" "reader" {
          name = "reader"
        }
        """);
  }

  @Test
  void aScanWithoutPathsSaysSoBesideAnEmptyPicture() throws IOException {
    Files.writeString(cwd.resolve("main.tf"), """
        resource "aws_iam_user" "reader" {
          name = "reader"
        }
        """);
    assertEquals(0, run("graph", "."));
    assertEquals("flowchart LR\n", out);
    assertEquals("iamscan: no principal of the scan is, or can become, administrator\n", err);
    chain();
    assertEquals(0, run("graph", "iam"));
    assertEquals("", err);
  }

  @Test
  void mermaidShowsThePathsToAdministrator() throws IOException {
    chain();
    assertEquals(0, run("graph", "iam"));
    assertTrue(out.startsWith("flowchart LR\n"), out);
    assertTrue(out.contains("n0[\"user dev\"]\n  n1[\"role deployer\"]\n  n2([\"administrator\"])\n"), out);
    assertTrue(out.contains("n0 -->|\"assumes role deployer (its trust names dev)\"| n1\n"), out);
    assertTrue(out.contains("n1 -->|\"iam:AttachRolePolicy on arn:aws:iam::123456789012:role/* attaches AdministratorAccess to role deployer\"| n2\n"), out);
    assertTrue(!out.contains("reader"), "a principal without a path is not drawn: " + out);
  }

  @Test
  void dotIsGraphviz() throws IOException {
    chain();
    assertEquals(0, run("graph", "iam", "--format", "dot"));
    assertTrue(out.startsWith("digraph iamscan {\n"), out);
    assertTrue(out.contains("\"user dev\" -> \"role deployer\" [label=\"assumes role deployer (its trust names\\ndev)\"];"), out);
    assertTrue(out.contains("\"role deployer\" -> \"administrator\""), out);
    assertTrue(out.endsWith("}\n"), out);
  }

  @Test
  void unknownFormatIsAUsageError() throws IOException {
    chain();
    assertEquals(2, run("graph", "iam", "--format", "png"));
    assertTrue(err.contains("--format must be mermaid or dot"), err);
  }

  @Test
  void textAndJsonReportsCarryThePathSteps() throws IOException {
    chain();
    run("scan", "iam", "--format", "text");
    assertTrue(out.contains("IAM008  user dev can become administrator in 2 steps: user dev → assumes role deployer"
        + " (its trust names dev) → iam:AttachRolePolicy on arn:aws:iam::123456789012:role/* attaches AdministratorAccess"
        + " to role deployer\n    1. iam/main.tf:6  assumes role deployer (its trust names dev)\n"
        + "    2. iam/main.tf:10  iam:AttachRolePolicy on"), out);
    run("scan", "iam", "--format", "json");
    var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
    com.fasterxml.jackson.databind.JsonNode dev = null;
    for (var f : doc.path("findings")) {
      if (f.path("rule").asText().equals("IAM008") && f.path("resource").asText().equals("aws_iam_user.dev")) dev = f;
    }
    assertTrue(dev != null, out);
    assertEquals(2, dev.path("path").size());
    assertEquals("assumes role deployer (its trust names dev)", dev.at("/path/0/message").asText());
    assertEquals("iam/main.tf", dev.at("/path/1/file").asText());
    assertEquals(10, dev.at("/path/1/startLine").asInt());
  }

  @Test
  void unreadableInputIsNamedAndExitsThree() throws IOException {
    chain();
    Files.writeString(cwd.resolve("iam/broken.tf"), "resource \"aws_iam_user\" {\n");
    assertEquals(3, run("graph", "iam"));
    assertTrue(err.contains("iam/broken.tf:"), err);
    assertTrue(err.contains("error"), err);
  }
}
