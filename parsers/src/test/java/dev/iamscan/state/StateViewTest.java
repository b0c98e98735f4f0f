package dev.iamscan.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.cloudformation.CloudFormationParser;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.Value;
import dev.iamscan.terraform.TerraformModuleParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both adapters give the same typed state for the same thing, with where and how it was written. */
class StateViewTest {
  @TempDir Path dir;

  StateView terraform(String tf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), tf);
    return StateView.build(new ResourceModel(new TerraformModuleParser().parse(dir, dir, List.of()).resources()));
  }

  StateView cloudFormation(String yaml) throws IOException {
    Path t = dir.resolve("template.yaml");
    Files.writeString(t, yaml);
    return StateView.build(new ResourceModel(new CloudFormationParser().parse(t, dir).orElseThrow().resources()));
  }

  @Test
  void trailSettingsKeepTheirNamesRangesAndUnknowns() throws IOException {
    StateView tf = terraform("""
        variable "logging" {}
        resource "aws_cloudtrail" "main" {
          name           = "main"
          s3_bucket_name = "logs"
          enable_logging = var.logging
          kms_key_id     = ""
        }
        """);
    Trail t = tf.trails().get(0);
    assertEquals("enable_logging", t.logging().name());
    assertInstanceOf(Value.Unknown.class, t.logging().value().orElseThrow(), "an unresolved variable stays unknown");
    assertEquals(5, t.logging().field().orElseThrow().keyRange().startLine());
    assertEquals("kms_key_id", t.kmsKey().name());
    assertEquals(Optional.of(""), t.kmsKey().value().flatMap(Value::scalar));
    assertTrue(t.multiRegion().field().isEmpty(), "not written");
    assertEquals("is_multi_region_trail", t.multiRegion().name());

    StateView cfn = cloudFormation("""
        Resources:
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              S3BucketName: logs
              IsLogging: false
        """);
    Trail c = cfn.trails().get(0);
    assertEquals("IsLogging", c.logging().name());
    assertEquals(6, c.logging().field().orElseThrow().keyRange().startLine());
    assertEquals(Optional.of("false"), c.logging().value().flatMap(Value::scalar));
    assertEquals("IsMultiRegionTrail", c.multiRegion().name());
  }

  @Test
  void loginProfilesInBothFormatsNameTheirUser() throws IOException {
    StateView tf = terraform("""
        resource "aws_iam_user" "alice" {
          name = "alice"
        }
        resource "aws_iam_user_login_profile" "alice" {
          user            = "alice"
          password_length = 10
        }
        """);
    LoginProfile l = tf.loginProfiles().get(0);
    assertEquals("aws_iam_user.alice", l.user().name(), "a user named by its name is the user of the scan");
    assertEquals("password_length", l.generatedLength().name());
    assertTrue(l.password().field().isEmpty());

    StateView cfn = cloudFormation("""
        Resources:
          Alice:
            Type: AWS::IAM::User
            Properties:
              LoginProfile:
                Password: short
                PasswordResetRequired: false
          Bob:
            Type: AWS::IAM::User
        """);
    assertEquals(1, cfn.loginProfiles().size(), "a user without LoginProfile has no console password");
    LoginProfile c = cfn.loginProfiles().get(0);
    assertEquals("LoginProfile of Alice (AWS::IAM::User)", c.label());
    assertEquals(Optional.of("short"), c.password().value().flatMap(Value::scalar));
    assertEquals("PasswordResetRequired", c.passwordResetRequired().name());
    assertTrue(c.generatedLength().field().isEmpty());
  }

  @Test
  void instancesAreLinkedToTheirLaunchTemplates() throws IOException {
    StateView tf = terraform("""
        resource "aws_launch_template" "web" {
          name_prefix = "web-"
        }
        resource "aws_launch_template" "nodes" {
          name_prefix = "nodes-"
        }
        resource "aws_eks_node_group" "nodes" {
          cluster_name = "main"
          launch_template {
            id      = aws_launch_template.nodes.id
            version = "$Latest"
          }
        }
        resource "aws_instance" "web" {
          launch_template {
            id = aws_launch_template.web.id
          }
        }
        resource "aws_launch_configuration" "old" {
          image_id = "ami-1"
        }
        """);
    assertEquals(2, tf.instances().size());
    Instance web = tf.instances().stream().filter(i -> !i.launchConfiguration()).findFirst().orElseThrow();
    assertTrue(web.usesLaunchTemplate());
    assertEquals("aws_launch_template.web", web.launchTemplate().orElseThrow().owner().address());
    assertEquals("iam_instance_profile", web.profile().name());
    List<String> managed = new ArrayList<>();
    for (LaunchTemplate t : tf.launchTemplates()) {
      assertEquals(Optional.of(false), t.namesProfile());
      if (t.serviceManaged()) managed.add(t.owner().address());
    }
    assertEquals(List.of("aws_launch_template.nodes"), managed, "EKS gives its nodes their role");

    StateView cfn = cloudFormation("""
        Parameters:
          Data:
            Type: String
        Resources:
          Template:
            Type: AWS::EC2::LaunchTemplate
            Properties:
              LaunchTemplateData: !Ref Data
          Server:
            Type: AWS::EC2::Instance
            Properties:
              ImageId: ami-1
              LaunchTemplate:
                LaunchTemplateId: !Ref Template
                Version: "1"
        """);
    Instance server = cfn.instances().get(0);
    assertEquals("IamInstanceProfile", server.profile().name());
    assertEquals(Optional.empty(), server.launchTemplate().orElseThrow().namesProfile(),
        "template data from a parameter is not known");
  }

  @Test
  void permissionsOrganizationsAnalyzersAndKeys() throws IOException {
    StateView cfn = cloudFormation("""
        Resources:
          Invoke:
            Type: AWS::Lambda::Permission
            Properties:
              FunctionName: fn
              Action: lambda:InvokeFunction
              Principal: "*"
              SourceArn: arn:aws:execute-api:us-east-1:123456789012:api/*
          Org:
            Type: AWS::Organizations::Organization
            Properties:
              FeatureSet: ALL
          Analyzer:
            Type: AWS::AccessAnalyzer::Analyzer
            Properties:
              Type: ACCOUNT
          Key:
            Type: AWS::IAM::AccessKey
            Properties:
              UserName: root
        """);
    ResourcePermission p = cfn.permissions().get(0);
    assertEquals("lambda", p.service());
    assertEquals(List.of("SourceArn", "SourceAccount", "PrincipalOrgID", "EventSourceToken"), p.limits().stream().map(Setting::name).toList());
    assertTrue(p.limits().get(0).written().isPresent());
    assertFalse(p.limits().get(1).written().isPresent());
    assertEquals("FeatureSet", cfn.organizations().get(0).featureSet().name());
    assertEquals("Analyzer", cfn.analyzers().get(0).owner().name());
    assertEquals(Optional.of("root"), cfn.accessKeys().get(0).user().value().flatMap(Value::scalar));
    assertEquals(List.of("aws_accessanalyzer_analyzer", "AWS::AccessAnalyzer::Analyzer"), StateView.typeNames(AccessAnalyzer.class));
    assertEquals(List.of("aws_iam_account_password_policy"), StateView.typeNames(PasswordPolicy.class),
        "CloudFormation has no account password policy");
  }

  @Test
  void bucketAclsAndModuleInputs() throws IOException {
    StateView tf = terraform("""
        resource "aws_s3_bucket" "site" {
          bucket = "site"
        }
        resource "aws_s3_bucket_acl" "site" {
          bucket = aws_s3_bucket.site.id
          acl    = "public-read"
        }
        module "logs" {
          source            = "terraform-aws-modules/s3-bucket/aws"
          acl               = "private"
          block_public_acls = false
        }
        """);
    BucketAcl acl = tf.bucketAcls().stream().filter(a -> a.owner().type().equals("aws_s3_bucket_acl")).findFirst().orElseThrow();
    assertEquals("aws_s3_bucket.site", acl.bucket().address());
    assertEquals(Optional.of("public-read"), acl.canned().value().flatMap(Value::scalar));
    Resource module = tf.bucketAcls().stream().map(BucketAcl::owner).filter(o -> o.kind().equals("module")).findFirst().orElseThrow();
    assertEquals("module.logs", module.address());
    assertEquals(1, tf.moduleAccessSettings().size());
    assertEquals("block_public_acls", tf.moduleAccessSettings().get(0).field().key());
  }

  @Test
  void listsCannotBeChanged() throws IOException {
    StateView tf = terraform("""
        resource "aws_accessanalyzer_analyzer" "a" {
          analyzer_name = "a"
        }
        """);
    assertEquals(1, tf.analyzers().size());
    assertThrows(UnsupportedOperationException.class, () -> tf.analyzers().clear());
  }
}
