package dev.iamscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamscan.cloudformation.CloudFormationParser;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.terraform.TerraformModuleParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings on resources that exist only under some input values say under which. */
class AppliesWhenTest {
  private static List<String> messages(List<Resource> resources, String rule) {
    return new RuleEngine(RuleCatalog.all()).run(ScanContext.of(new ResourceModel(resources))).stream()
        .filter(f -> f.ruleId().equals(rule)).map(Finding::message).toList();
  }

  @Test
  void terraformResourceSwitchedOffByADefault(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        variable "enable_x" { default = false }
        resource "aws_iam_policy" "x" {
          count  = var.enable_x ? 1 : 0
          policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
        }
        resource "aws_iam_policy" "always" {
          policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
        }
        """);
    List<Resource> resources = new TerraformModuleParser().parse(dir, dir, List.of()).resources();
    assertEquals(List.of(
        "aws_iam_policy.x statement #1 allows every action (\"*\") on every resource (\"*\"); applies when var.enable_x = true",
        "aws_iam_policy.always statement #1 allows every action (\"*\") on every resource (\"*\")"),
        messages(resources, "IAM001"));
  }

  @Test
  void cloudFormationResourceWithACondition(@TempDir Path dir) throws IOException {
    Path t = dir.resolve("t.yaml");
    Files.writeString(t, """
        Conditions:
          WithP: !Equals [a, b]
        Resources:
          P:
            Type: AWS::IAM::ManagedPolicy
            Condition: WithP
            Properties:
              PolicyDocument:
                Statement:
                  - {Effect: Allow, Action: "*", Resource: "*"}
        """);
    List<Resource> resources = new ArrayList<>(new CloudFormationParser().parse(t, dir).orElseThrow().resources());
    assertEquals(List.of("P (AWS::IAM::ManagedPolicy) statement #1 allows every action (\"*\") on every resource (\"*\"); "
        + "applies when condition WithP is true (false with the parameter defaults)"), messages(resources, "IAM001"));
  }
}
