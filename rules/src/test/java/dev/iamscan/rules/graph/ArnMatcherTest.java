package dev.iamscan.rules.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamscan.model.Value;
import org.junit.jupiter.api.Test;

class ArnMatcherTest {
  private static final Target DEV = Target.iam("user", "/", "dev");
  private static final Target OPS_ROLE = Target.iam("role", "/ops/", "deployer");

  @Test
  void wildcardsPartitionsAndAccounts() {
    assertEquals(Tri.YES, ArnMatcher.matches("*", DEV, "dev"));
    assertEquals(Tri.YES, ArnMatcher.matches("arn:aws:iam::123456789012:user/dev", DEV, "dev"));
    assertEquals(Tri.YES, ArnMatcher.matches("arn:aws-us-gov:iam::*:user/d?v", DEV, "dev"));
    assertEquals(Tri.YES, ArnMatcher.matches("arn:${AWS::Partition}:iam::${AWS::AccountId}:user/*", DEV, "dev"));
    assertEquals(Tri.NO, ArnMatcher.matches("arn:aws:iam::123456789012:role/dev", DEV, "dev"));
    assertEquals(Tri.NO, ArnMatcher.matches("arn:aws:s3:::dev", DEV, "dev"));
    assertEquals(Tri.NO, ArnMatcher.matches("arn:aws:iam:us-east-1:123456789012:user/dev", DEV, "dev"));
    assertEquals(Tri.YES, ArnMatcher.matches("arn:aws:iam::123456789012:role/ops/*", OPS_ROLE, ""));
    assertEquals(Tri.NO, ArnMatcher.matches("arn:aws:iam::123456789012:role/deployer", OPS_ROLE, ""));
  }

  @Test
  void awsManagedPoliciesLiveInTheAccountAws() {
    Target own = Target.iam("policy", "/", "mine");
    Target managed = new Target("iam", "policy", "/", "AdministratorAccess", false, true, "/");
    assertEquals(Tri.NO, ArnMatcher.matches("arn:aws:iam::aws:policy/*", own, ""));
    assertEquals(Tri.YES, ArnMatcher.matches("arn:aws:iam::aws:policy/*", managed, ""));
    assertEquals(Tri.NO, ArnMatcher.matches("arn:aws:iam::123456789012:policy/*", managed, ""));
    assertEquals(Tri.NO, ArnMatcher.matches("arn:aws:iam::${AWS::AccountId}:policy/*", managed, ""));
  }

  @Test
  void policyVariables() {
    String self = "arn:aws:iam::123456789012:user/${aws:username}";
    assertEquals(Tri.YES, ArnMatcher.matches(self, DEV, "dev"));
    assertEquals(Tri.NO, ArnMatcher.matches(self, Target.iam("user", "/", "other"), "dev"));
    // Absent for a role: the pattern covers nothing.
    assertEquals(Tri.NO, ArnMatcher.matches("arn:aws:iam::123456789012:role/${aws:username}", OPS_ROLE, ""));
    // A user whose name the scan does not know, and variables the scan cannot resolve.
    assertEquals(Tri.UNKNOWN, ArnMatcher.matches(self, DEV, null));
    assertEquals(Tri.UNKNOWN, ArnMatcher.matches("arn:aws:iam::123456789012:user/${aws:PrincipalTag/team}", DEV, "dev"));
  }

  @Test
  void unknownNamesAndHoles() {
    Target unnamed = Target.iam("role", "/", null);
    assertEquals(Tri.YES, ArnMatcher.matches("arn:aws:iam::123456789012:role/*", unnamed, ""));
    assertEquals(Tri.UNKNOWN, ArnMatcher.matches("arn:aws:iam::123456789012:role/app-*", unnamed, ""));
    assertEquals(Tri.NO, ArnMatcher.matches("arn:aws:iam::123456789012:user/*", unnamed, ""));
    char hole = Value.Unknown.HOLE;
    assertEquals(Tri.YES, ArnMatcher.matches("arn:aws:iam::" + hole + ":user/dev", DEV, "dev"));
    assertEquals(Tri.UNKNOWN, ArnMatcher.matches("arn:aws:iam::123456789012:user/" + hole, DEV, "dev"));
    assertEquals(Tri.NO, ArnMatcher.matches("arn:aws:iam::123456789012:role/" + hole, DEV, "dev"));
  }
}
