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

  @Test
  void readablePlacesFollowAKeysSecretThroughLocalsAndFunctions() throws IOException {
    StateView tf = terraform("""
        resource "aws_iam_access_key" "k" {
          user = "ci"
        }
        locals {
          script = "export SECRET=${aws_iam_access_key.k.secret}"
        }
        resource "aws_instance" "a" {
          user_data = base64encode(local.script)
        }
        resource "aws_instance" "digest" {
          user_data = "echo ${sha256(aws_iam_access_key.k.secret)}"
        }
        resource "aws_ssm_parameter" "secure" {
          type  = "SecureString"
          value = aws_iam_access_key.k.secret
        }
        resource "aws_ssm_parameter" "plain" {
          type  = "String"
          value = aws_iam_access_key.k.id
        }
        output "hidden" {
          value     = aws_iam_access_key.k.secret
          sensitive = true
        }
        output "shown" {
          value = aws_iam_access_key.k.ses_smtp_password_v4
        }
        """);
    List<ReadablePlace> places = tf.readablePlaces();
    assertEquals(List.of("aws_instance.a", "aws_instance.digest", "aws_ssm_parameter.plain", "output.shown"),
        places.stream().map(p -> p.owner().address()).toList(), "SecureString and sensitive outputs are not readable places");
    assertEquals(List.of(), places.get(1).keys(), "a digest of the secret is not the secret");
    places = places.stream().filter(p -> !p.owner().name().equals("digest")).toList();
    ReadablePlace a = places.get(0);
    assertEquals(ReadablePlace.Kind.INSTANCE_USER_DATA, a.kind());
    ReadablePlace.KeyUse use = a.keys().get(0);
    assertEquals(ReadablePlace.Part.SECRET, use.part());
    assertEquals(8, use.at().startLine(), "points at the user data that uses the local");
    assertEquals(5, use.origin().startLine(), "where the secret is written");
    assertEquals(ReadablePlace.Part.ID, places.get(1).keys().get(0).part());
    assertEquals(ReadablePlace.Part.SMTP_PASSWORD, places.get(2).keys().get(0).part());

    StateView cfn = cloudFormation("""
        Resources:
          Key:
            Type: AWS::IAM::AccessKey
            Properties:
              UserName: ci
          Param:
            Type: AWS::SSM::Parameter
            Properties:
              Type: String
              Value: !Sub "${Key}:${Key.SecretAccessKey}"
        Outputs:
          Secret:
            Value: !GetAtt Key.SecretAccessKey
        """);
    assertEquals(List.of(ReadablePlace.Kind.STRING_PARAMETER, ReadablePlace.Kind.STACK_OUTPUT),
        cfn.readablePlaces().stream().map(ReadablePlace::kind).toList());
    assertEquals(List.of(ReadablePlace.Part.ID, ReadablePlace.Part.SECRET),
        cfn.readablePlaces().get(0).keys().stream().map(ReadablePlace.KeyUse::part).toList());
  }

  @Test
  void searchDomainPlacementIsKnownOnlyWhenWritten() throws IOException {
    StateView tf = terraform("""
        variable "vpc" {}
        resource "aws_opensearch_domain" "vpc" {
          domain_name = "vpc"
          vpc_options {
            subnet_ids = ["subnet-1"]
          }
        }
        resource "aws_opensearch_domain" "public" {
          domain_name = "public"
        }
        resource "aws_elasticsearch_domain" "maybe" {
          domain_name = "maybe"
          dynamic "vpc_options" {
            for_each = var.vpc
            content {
              subnet_ids = vpc_options.value
            }
          }
        }
        """);
    assertEquals(List.of(Optional.of(true), Optional.of(false), Optional.empty()),
        tf.searchDomains().stream().map(SearchDomain::inVpc).toList());

    StateView cfn = cloudFormation("""
        Conditions:
          C: !Equals [a, b]
        Resources:
          Vpc:
            Type: AWS::OpenSearchService::Domain
            Properties:
              VPCOptions: { SubnetIds: [subnet-1] }
          Empty:
            Type: AWS::Elasticsearch::Domain
            Properties:
              VPCOptions: { SubnetIds: [] }
          Maybe:
            Type: AWS::OpenSearchService::Domain
            Properties:
              VPCOptions: !If [C, { SubnetIds: [subnet-1] }, !Ref AWS::NoValue]
        """);
    assertEquals(List.of(Optional.of(true), Optional.of(false), Optional.empty()),
        cfn.searchDomains().stream().map(SearchDomain::inVpc).toList());
  }

  @Test
  void remoteModulesThatProduceNothingAreUnread() throws IOException {
    Files.createDirectories(dir.resolve("child"));
    Files.writeString(dir.resolve("child/main.tf"), "resource \"aws_iam_user\" \"u\" {}\n");
    StateView tf = terraform("""
        module "local" {
          source = "./child"
        }
        module "remote" {
          source = "terraform-aws-modules/iam/aws"
        }
        """);
    assertEquals(List.of("module.remote"), tf.unreadModules().stream().map(m -> m.call().address()).toList());
    assertEquals(Optional.of("terraform-aws-modules/iam/aws"), tf.unreadModules().get(0).source().value().flatMap(Value::scalar));
  }
}
