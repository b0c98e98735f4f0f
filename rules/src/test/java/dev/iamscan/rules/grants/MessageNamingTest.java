package dev.iamscan.rules.grants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.ResourceModel;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.RuleCatalog;
import dev.iamscan.rules.RuleEngine;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.terraform.TerraformModuleParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages name what the reviewer knows: resources by address, not the reference text that reaches them. */
class MessageNamingTest {
  @TempDir Path dir;

  List<Finding> scan(String rule, String tf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), tf);
    var parsed = new TerraformModuleParser().parse(dir, dir, List.of());
    return new RuleEngine(List.of(RuleCatalog.byId(rule).orElseThrow()))
        .run(ScanContext.of(new ResourceModel(parsed.resources())));
  }

  static String messages(List<Finding> findings) {
    return findings.stream().map(Finding::message).toList().toString();
  }

  @Test
  void accessKeyNamesTheUserResource() throws IOException {
    List<Finding> f = scan("IAM013", """
        resource "aws_iam_user" "this" {
          count = 1
          name  = "ci"
        }
        resource "aws_iam_access_key" "this" {
          user = aws_iam_user.this[0].name
        }
        """);
    assertEquals(1, f.size(), messages(f));
    assertTrue(f.get(0).message().contains("for IAM user aws_iam_user.this;"), f.get(0).message());
    // Baselines made before keep matching.
    assertEquals("access key for aws_iam_user.this[0].name", f.get(0).evidence());
  }

  @Test
  void managedPolicyAttachedToAUserIsNamedByAddress() throws IOException {
    List<Finding> f = scan("IAM010", """
        resource "aws_iam_policy" "deploy" {
          policy = "{}"
        }
        resource "aws_iam_user_policy_attachment" "deploy" {
          user       = "deploy"
          policy_arn = aws_iam_policy.deploy.arn
        }
        """);
    assertEquals(1, f.size(), messages(f));
    assertTrue(f.get(0).message().contains("managed policy aws_iam_policy.deploy directly"), f.get(0).message());
  }

  @Test
  void aSecretFromAVariableDefaultIsNotCalledALiteral() throws IOException {
    List<Finding> f = scan("IAM012", """
        variable "key" {
          default = "AKIAJ6WD2RB9TQ5NZH3C"
        }
        resource "aws_lambda_function" "worker" {
          environment {
            variables = { KEY = var.key }
          }
        }
        """);
    assertEquals(1, f.size(), messages(f));
    String m = f.get(0).message();
    assertFalse(m.contains("literal"), m);
    assertTrue(m.contains("from the default of variable key at line 2"), m);
    assertFalse(m.contains("AKIAJ6WD2RB9TQ5NZH3C"), m);
  }

  @Test
  void manyWriteActionsOfOneStatementAreOneFinding() throws IOException {
    List<Finding> f = scan("IAM041", """
        resource "aws_iam_policy" "writer" {
          policy = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect = "Allow"
              Action = ["s3:PutObject", "s3:DeleteObject", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:DeleteItem", "sqs:SendMessage", "sqs:DeleteMessage", "sns:Publish",
                "iam:PutRolePolicy"]
              Resource = "*"
            }]
          })
        }
        """);
    assertEquals(1, f.size(), messages(f));
    Finding one = f.get(0);
    assertEquals("HIGH", one.severity().name());
    assertEquals(6, one.location().startLine());
    assertTrue(one.message().contains("permissions-management and write actions on every resource (\"*\"): "
        + "iam:PutRolePolicy, s3:PutObject, s3:DeleteObject, dynamodb:PutItem, dynamodb:UpdateItem and 4 more"),
        one.message());
    assertEquals(8, one.related().size());
  }

  @Test
  void samStateMachinePolicyGoesToItsExecutionRole() throws IOException {
    Path template = dir.resolve("template.yaml");
    Files.writeString(template, """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Flow:
            Type: AWS::Serverless::StateMachine
            Properties:
              DefinitionUri: s3://bucket/flow.json
              Policies:
                - AdministratorAccess
        """);
    var parsed = new dev.iamscan.cloudformation.CloudFormationParser().parse(template, dir).orElseThrow();
    List<Finding> f = new RuleEngine(List.of(RuleCatalog.byId("IAM009").orElseThrow()))
        .run(ScanContext.of(new ResourceModel(parsed.resources())));
    assertEquals(1, f.size(), messages(f));
    // SAM gives a state machine an execution role, as it does a function: the policy is not on the resource itself.
    assertTrue(f.get(0).message().endsWith("AdministratorAccess to its execution role"), f.get(0).message());
  }
}
