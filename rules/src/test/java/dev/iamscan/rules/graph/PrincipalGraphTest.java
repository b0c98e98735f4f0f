package dev.iamscan.rules.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.iam.IamView;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.terraform.TerraformModuleParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrincipalGraphTest {
  @TempDir Path dir;

  private PrincipalGraph graph(String tf) throws IOException {
    Files.writeString(dir.resolve("main.tf"), tf);
    var parsed = new TerraformModuleParser().parse(dir, dir, List.of());
    return PrincipalGraph.build(IamView.build(new ResourceModel(parsed.resources())), Instant.parse("2026-01-01T00:00:00Z"));
  }

  private static Map<String, String> paths(PrincipalGraph g) {
    return g.paths().stream().collect(Collectors.toMap(PrincipalGraph.PathToAdmin::label, PrincipalGraph.PathToAdmin::inWords));
  }

  private static String user(String name, String... statements) {
    return """
        resource "aws_iam_user" "%1$s" {
          name = "%1$s"
        }
        resource "aws_iam_user_policy" "%1$s" {
          user   = aws_iam_user.%1$s.name
          policy = jsonencode({ Version = "2012-10-17", Statement = [%2$s] })
        }
        """.formatted(name, String.join(", ", statements));
  }

  private static String role(String name, String trustedAws, String... statements) {
    return """
        resource "aws_iam_role" "%1$s" {
          name               = "%1$s"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "%2$s" } }] })
          inline_policy {
            name   = "p"
            policy = jsonencode({ Version = "2012-10-17", Statement = [%3$s] })
          }
        }
        """.formatted(name, trustedAws, String.join(", ", statements));
  }

  @Test
  void denyThatCannotBeResolvedDoesNotCancelButIsNamed() throws IOException {
    PrincipalGraph g = graph(user("ops",
        "{ Effect = \"Allow\", Action = \"iam:CreateAccessKey\", Resource = \"*\" }",
        "{ Effect = \"Deny\", Action = \"iam:CreateAccessKey\", Resource = var.protected }")
        + "variable \"protected\" {}\n");
    String words = paths(g).get("user ops");
    assertTrue(words.contains("creates an access key for any user of the account"), words);
    assertTrue(words.contains("a Deny in aws_iam_user_policy.ops statement #2 could not be resolved"), words);
  }

  @Test
  void anUnconditionalDenyOnEveryResourceCancels() throws IOException {
    PrincipalGraph g = graph(user("ops",
        "{ Effect = \"Allow\", Action = \"iam:CreateAccessKey\", Resource = \"*\" }",
        "{ Effect = \"Deny\", NotAction = \"s3:*\", Resource = \"*\" }"));
    assertEquals(Map.of(), paths(g));
  }

  @Test
  void anUnresolvedBoundaryDoesNotCancelButIsNamed() throws IOException {
    PrincipalGraph g = graph("""
        variable "boundary" {}
        resource "aws_iam_role" "app" {
          name                 = "app"
          permissions_boundary = var.boundary
          assume_role_policy   = "{}"
          inline_policy {
            name   = "p"
            policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:PutRolePolicy", Resource = "arn:aws:iam::*:role/app" }] })
          }
        }
        """);
    String words = paths(g).get("role app");
    assertTrue(words.contains("puts an inline policy allowing everything on role app"), words);
    assertTrue(words.contains("its permissions boundary var.boundary could not be resolved"), words);
  }

  @Test
  void aRoleIsNeverSaidToPutAUserPolicyOnItself() throws IOException {
    PrincipalGraph g = graph(role("manager", "arn:aws:iam::123456789012:root",
        "{ Effect = \"Allow\", Action = [\"iam:PutUserPolicy\", \"iam:AttachUserPolicy\"], Resource = \"*\" }"));
    assertEquals(Map.of(), paths(g));
    assertEquals(List.of(), g.administrators());
    List<PrincipalGraph.GrantToOthers> grants = g.grantsToOthers();
    assertEquals(1, grants.size());
    assertTrue(grants.get(0).how().message().endsWith("to any user of the account"), grants.get(0).how().message());
    assertFalse(grants.get(0).how().message().contains("itself"), grants.get(0).how().message());
  }

  @Test
  void changingARoleItCanAssumeEndsThePath() throws IOException {
    PrincipalGraph g = graph(user("dev",
        "{ Effect = \"Allow\", Action = \"iam:PutRolePolicy\", Resource = \"arn:aws:iam::123456789012:role/target\" }")
        + role("target", "arn:aws:iam::123456789012:user/dev", "{ Effect = \"Allow\", Action = \"s3:GetObject\", Resource = \"*\" }"));
    assertEquals("user dev → iam:PutRolePolicy on arn:aws:iam::123456789012:role/target puts an inline policy allowing"
        + " everything on role target, then assumes role target (its trust names dev)", paths(g).get("user dev"));
  }

  @Test
  void shortestPathWins() throws IOException {
    PrincipalGraph g = graph(user("dev", "{ Effect = \"Allow\", Action = \"sts:AssumeRole\", Resource = \"arn:aws:iam::123456789012:role/admin\" }")
        + role("hop", "arn:aws:iam::123456789012:user/dev", "{ Effect = \"Allow\", Action = \"s3:*\", Resource = \"*\" }")
        + role("admin", "arn:aws:iam::123456789012:root", "{ Effect = \"Allow\", Action = \"*\", Resource = \"*\" }"));
    PrincipalGraph.PathToAdmin dev = g.paths().stream().filter(p -> p.label().equals("user dev")).findFirst().orElseThrow();
    assertEquals(2, dev.steps().size(), dev.inWords());
    assertTrue(dev.steps().get(0).message().startsWith("assumes role admin (its trust admits the account root"), dev.inWords());
    assertEquals(List.of("role admin"), g.administrators().stream().map(PrincipalGraph.Administrator::label).toList());
    assertFalse(paths(g).containsKey("role hop"), "hop has no path of its own");
  }

  @Test
  void joiningAnAdministratorGroup() throws IOException {
    PrincipalGraph g = graph(user("dev", "{ Effect = \"Allow\", Action = \"iam:AddUserToGroup\", Resource = \"arn:aws:iam::123456789012:group/admins\" }")
        + """
        resource "aws_iam_group" "admins" {
          name = "admins"
        }
        resource "aws_iam_group_policy_attachment" "admins" {
          group      = aws_iam_group.admins.name
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """);
    assertEquals("user dev → iam:AddUserToGroup on arn:aws:iam::123456789012:group/admins adds itself to group admins,"
        + " which is administrator", paths(g).get("user dev"));
  }

  @Test
  void pictureKeepsTwoPrincipalsOfOneNameApart() throws IOException {
    PrincipalGraph g = graph(user("dev", "{ Effect = \"Allow\", Action = \"iam:CreateAccessKey\", Resource = \"*\" }")
        + """
        resource "aws_iam_user" "dev_again" {
          name = "dev"
        }
        resource "aws_iam_user_policy" "dev_again" {
          user   = aws_iam_user.dev_again.name
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:CreateLoginProfile", Resource = "*" }] })
        }
        """);
    List<String> from = g.pathEdges().stream().map(PrincipalGraph.Edge::from).sorted().toList();
    assertEquals(List.of("user dev (aws_iam_user.dev)", "user dev (aws_iam_user.dev_again)"), from);
  }

  private static String group(String name, String members, String... statements) {
    return """
        resource "aws_iam_group" "%1$s" {
          name = "%1$s"
        }
        resource "aws_iam_group_policy" "%1$s" {
          group  = aws_iam_group.%1$s.name
          policy = jsonencode({ Version = "2012-10-17", Statement = [%3$s] })
        }
        resource "aws_iam_group_membership" "%1$s" {
          name  = "%1$s"
          group = aws_iam_group.%1$s.name
          users = [%2$s]
        }
        """.formatted(name, members, String.join(", ", statements));
  }

  private static PrincipalGraph.PathToAdmin pathOf(PrincipalGraph g, String label) {
    return g.paths().stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow(() -> new AssertionError(label + ": no path"));
  }

  @Test
  void aGroupWithoutMembersHasThePathOfEachMember() throws IOException {
    PrincipalGraph g = graph(group("ops", "", "{ Effect = \"Allow\", Action = \"iam:CreateAccessKey\", Resource = \"*\" }"));
    PrincipalGraph.PathToAdmin ops = pathOf(g, "group ops");
    assertTrue(ops.group());
    assertEquals("each member of group ops", ops.who());
    assertEquals("a member of group ops → iam:CreateAccessKey on * creates an access key for any user of the account"
        + " (administrators outside the scan included)", ops.inWords());
    assertEquals(List.of(), g.administrators());
  }

  @Test
  void aGroupPassingARoleReachesTheAdministratorRoleInTwoSteps() throws IOException {
    PrincipalGraph g = graph(group("builders", "",
        "{ Effect = \"Allow\", Action = \"iam:PassRole\", Resource = \"arn:aws:iam::123456789012:role/fn\" }",
        "{ Effect = \"Allow\", Action = [\"lambda:CreateFunction\", \"lambda:InvokeFunction\"], Resource = \"*\" }")
        + """
        resource "aws_iam_role" "fn" {
          name                = "fn"
          assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
          managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
        }
        """);
    PrincipalGraph.PathToAdmin builders = pathOf(g, "group builders");
    assertEquals(2, builders.steps().size(), builders.inWords());
    assertTrue(builders.steps().get(1).message().startsWith("role fn is administrator"), builders.inWords());
  }

  @Test
  void aMemberWhosePathIsTheGroupsIsNotReportedAgainButOneWithItsOwnShorterPathIs() throws IOException {
    PrincipalGraph g = graph(group("ops", "aws_iam_user.alice.name, aws_iam_user.bob.name",
        "{ Effect = \"Allow\", Action = [\"iam:UpdateAssumeRolePolicy\", \"sts:AssumeRole\"], Resource = \"arn:aws:iam::123456789012:role/admin\" }")
        + role("admin", "arn:aws:iam::123456789012:root", "{ Effect = \"Allow\", Action = \"*\", Resource = \"*\" }")
        + "resource \"aws_iam_user\" \"alice\" {\n  name = \"alice\"\n}\n"
        + user("bob", "{ Effect = \"Allow\", Action = \"iam:PutUserPolicy\", Resource = \"arn:aws:iam::123456789012:user/bob\" }"));
    PrincipalGraph.PathToAdmin ops = pathOf(g, "group ops");
    PrincipalGraph.PathToAdmin alice = pathOf(g, "user alice");
    PrincipalGraph.PathToAdmin bob = pathOf(g, "user bob");
    assertEquals(2, ops.steps().size(), ops.inWords());
    assertFalse(g.repeatsGroup(ops), "a group repeats no one");
    assertTrue(g.repeatsGroup(alice), alice.inWords());
    assertEquals(1, bob.steps().size(), bob.inWords());
    assertFalse(g.repeatsGroup(bob), bob.inWords());
  }

  @Test
  void aMemberWithAnEquallyShortPathOfItsOwnIsReportedToo() throws IOException {
    // Both start with one step, but carol's is granted by her own policy, not the group's.
    PrincipalGraph g = graph(group("keys", "aws_iam_user.carol.name", "{ Effect = \"Allow\", Action = \"iam:CreateAccessKey\", Resource = \"*\" }")
        + user("carol", "{ Effect = \"Allow\", Action = \"iam:PutUserPolicy\", Resource = \"arn:aws:iam::123456789012:user/carol\" }"));
    PrincipalGraph.PathToAdmin carol = pathOf(g, "user carol");
    assertEquals("user carol → iam:PutUserPolicy on arn:aws:iam::123456789012:user/carol puts an inline policy allowing"
        + " everything on user carol", carol.inWords());
    assertFalse(g.repeatsGroup(carol), carol.inWords());
  }

  @Test
  void aGroupThatMayChangeEveryRolesPoliciesGrantsAdministratorToOthers() throws IOException {
    PrincipalGraph g = graph(group("granters", "aws_iam_user.dan.name", "{ Effect = \"Allow\", Action = \"iam:PutRolePolicy\", Resource = \"*\" }")
        + "resource \"aws_iam_user\" \"dan\" {\n  name = \"dan\"\n}\n");
    List<PrincipalGraph.GrantToOthers> grants = g.grantsToOthers();
    assertEquals(List.of("group granters", "user dan"), grants.stream().map(PrincipalGraph.GrantToOthers::label).sorted().toList());
    PrincipalGraph.GrantToOthers group = grants.stream().filter(x -> x.label().equals("group granters")).findFirst().orElseThrow();
    PrincipalGraph.GrantToOthers dan = grants.stream().filter(x -> x.label().equals("user dan")).findFirst().orElseThrow();
    assertEquals("each member of group granters", group.who());
    assertFalse(g.repeatsGroup(group));
    assertTrue(g.repeatsGroup(dan));
  }

  @Test
  void aGroupWhosePolicyNamesOnlyItsMembersOwnUserHasNoPath() throws IOException {
    // ${aws:username} is each member's own name: the group cannot know it, so nothing is certain.
    PrincipalGraph g = graph(group("self", "", "{ Effect = \"Allow\", Action = \"iam:CreateAccessKey\", Resource = \"arn:aws:iam::*:user/$${aws:username}\" }"));
    assertEquals(Map.of(), paths(g));
    assertEquals(List.of(), g.grantsToOthers());
  }

  @Test
  void aGroupThatMayAttachGroupPoliciesEverywhereIsAdministratorAndSoAreItsMembers() throws IOException {
    PrincipalGraph g = graph(group("attachers", "aws_iam_user.erin.name", "{ Effect = \"Allow\", Action = \"iam:AttachGroupPolicy\", Resource = \"*\" }")
        + "resource \"aws_iam_user\" \"erin\" {\n  name = \"erin\"\n}\n");
    assertEquals(List.of("group attachers", "user erin"),
        g.administrators().stream().map(PrincipalGraph.Administrator::label).sorted().toList());
    assertEquals(Map.of(), paths(g));
  }

  @Test
  void aRoleThatMayAddAnyUserToAnyGroupGrantsAdministratorToOthers() throws IOException {
    PrincipalGraph g = graph(role("enroller", "arn:aws:iam::123456789012:root",
        "{ Effect = \"Allow\", Action = \"iam:AddUserToGroup\", Resource = \"*\" }")
        + role("teams", "arn:aws:iam::123456789012:root",
        "{ Effect = \"Allow\", Action = \"iam:AddUserToGroup\", Resource = \"arn:aws:iam::123456789012:group/teams/*\" }"));
    assertEquals(List.of("role enroller"), g.grantsToOthers().stream().map(PrincipalGraph.GrantToOthers::label).toList());
    assertEquals("iam:AddUserToGroup on * adds any user to any group of the account (administrator groups included)",
        g.grantsToOthers().get(0).how().message());
    assertEquals(Map.of(), paths(g));
  }

  @Test
  void creatingAVersionOfEveryCustomerManagedPolicyGrantsAdministratorToOthers() throws IOException {
    PrincipalGraph g = graph(role("versions", "arn:aws:iam::123456789012:root",
        "{ Effect = \"Allow\", Action = \"iam:CreatePolicyVersion\", Resource = \"*\" }")
        + role("aws_versions", "arn:aws:iam::123456789012:root",
        "{ Effect = \"Allow\", Action = \"iam:CreatePolicyVersion\", Resource = \"arn:aws:iam::aws:policy/*\" }"));
    assertEquals(List.of("role versions"), g.grantsToOthers().stream().map(PrincipalGraph.GrantToOthers::label).toList());
  }

  @Test
  void aMemberHoldingTheGroupsPolicyItselfIsReportedToo() throws IOException {
    // The same customer managed policy attached to the group and to frank: detaching it from the
    // group leaves frank's path, so the group's finding does not speak for him; gina has it only
    // through the group.
    PrincipalGraph g = graph("""
        resource "aws_iam_policy" "keys" {
          name   = "keys"
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:CreateAccessKey", Resource = "*" }] })
        }
        resource "aws_iam_group" "ops" {
          name = "ops"
        }
        resource "aws_iam_group_policy_attachment" "ops" {
          group      = aws_iam_group.ops.name
          policy_arn = aws_iam_policy.keys.arn
        }
        resource "aws_iam_user" "frank" {
          name = "frank"
        }
        resource "aws_iam_user" "gina" {
          name = "gina"
        }
        resource "aws_iam_user_policy_attachment" "frank" {
          user       = aws_iam_user.frank.name
          policy_arn = aws_iam_policy.keys.arn
        }
        resource "aws_iam_group_membership" "ops" {
          name  = "ops"
          group = aws_iam_group.ops.name
          users = [aws_iam_user.frank.name, aws_iam_user.gina.name]
        }
        """);
    assertFalse(g.repeatsGroup(pathOf(g, "group ops")));
    assertFalse(g.repeatsGroup(pathOf(g, "user frank")), pathOf(g, "user frank").inWords());
    assertTrue(g.repeatsGroup(pathOf(g, "user gina")), pathOf(g, "user gina").inWords());
  }
}
