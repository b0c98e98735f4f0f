package dev.iamscan.scanner.cli;

import static dev.iamscan.scanner.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.scanner.Scanner;
import dev.iamscan.scanner.ToolInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credential found by IAM012 is reported in its masked form only, in every output format: the
 * report of a pull request is often public (a SARIF upload, a CI log), the secret must not be.
 * Real parsers and the real rule catalog, end to end through the command line.
 */
class SecretsNeverPrintedTest {
  private static final String KEY_ID = "AKIA4QVN7R2XPLT3MZ8K";
  private static final String SECRET = "wJalR2pXq9LmT4vB/8nZc1Hs6dYf0GuE3aKwNy5Q";

  @TempDir Path cwd;

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "sarif", "github"})
  void onlyTheMaskedFormIsPrinted(String format) {
    write(cwd.resolve("infra/main.tf"), """
        provider "aws" {
          region     = "eu-west-1"
          access_key = "%s"
          secret_key = "%s"
        }
        """.formatted(KEY_ID, SECRET));
    write(cwd.resolve("stack.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              Role: arn:aws:iam::123456789012:role/fn
              Code:
                ZipFile: "print(1)"
              Environment:
                Variables:
                  AWS_ACCESS_KEY_ID: %s
                  AWS_SECRET_ACCESS_KEY: %s
        """.formatted(KEY_ID, SECRET));
    CliEnvironment environment = new CliEnvironment(cwd, Map.of(), false,
        new ToolInfo("iamscan", "9.9.9", "https://example.com"), Scanner.allRules(), Scanner::withDefaults);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = IamscanCommand.create(environment, new PrintWriter(out), new PrintWriter(err))
        .execute("scan", "--format", format);
    String all = out + "\n" + err;

    assertEquals(1, code, all);
    assertTrue(all.contains("IAM012"), all);
    assertTrue(all.contains("wJal****"), "the masked secret names what to rotate: " + all);
    assertFalse(all.contains(SECRET), "secret key printed: " + all);
    assertFalse(all.contains(KEY_ID), "access key id printed: " + all);
    // nor any longer piece of them, escaped or not
    assertFalse(all.contains(SECRET.substring(0, 12)) || all.contains(SECRET.replace("/", "\\/").substring(0, 12)), all);
    assertFalse(all.contains(KEY_ID.substring(0, 8)), all);
  }
}
