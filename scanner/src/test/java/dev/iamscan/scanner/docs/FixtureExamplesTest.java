package dev.iamscan.scanner.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureExamplesTest {
  @TempDir
  Path root;

  private FixtureExamples examples(String tf) throws IOException {
    Path dir = Files.createDirectories(root.resolve("IAM001-full-admin-statement"));
    Files.writeString(dir.resolve("main.tf"), tf);
    return new FixtureExamples(root);
  }

  @Test
  void theMarkedBlockIsShownWithoutItsMarkers() throws IOException {
    FixtureExamples e = examples("""
        # Everything.
        # example: noncompliant
        resource "aws_iam_policy" "admin" {
          # expect: IAM001
          policy = "*"
        }

        # ok: IAM001
        resource "aws_iam_policy" "unmarked" {
          policy = "x"
        }
        """);
    assertEquals(Optional.of(new FixtureExamples.Example("hcl",
        "# Everything.\nresource \"aws_iam_policy\" \"admin\" {\n  policy = \"*\"\n}\n")),
        e.noncompliant("IAM001", "full-admin-statement"));
    assertEquals(Optional.empty(), e.compliant("IAM001", "full-admin-statement"), "no marker, no example");
  }

  @Test
  void anExampleThatItsMarkersContradictIsAnError() throws IOException {
    FixtureExamples flagged = examples("""
        # example: compliant
        resource "aws_iam_policy" "admin" {
          # expect: IAM001
          policy = "*"
        }
        """);
    IllegalStateException x = assertThrows(IllegalStateException.class,
        () -> flagged.compliant("IAM001", "full-admin-statement"));
    assertTrue(x.getMessage().contains("main.tf:1"), x.getMessage());
    FixtureExamples unasserted = examples("""
        # example: compliant
        resource "aws_iam_policy" "unknown" {
          policy = var.policy
        }
        """);
    assertThrows(IllegalStateException.class, () -> unasserted.compliant("IAM001", "full-admin-statement"));
    FixtureExamples clean = examples("""
        # example: noncompliant
        resource "aws_iam_policy" "scoped" {
          # ok: IAM001
          policy = "x"
        }
        """);
    assertThrows(IllegalStateException.class, () -> clean.noncompliant("IAM001", "full-admin-statement"));
  }
}
