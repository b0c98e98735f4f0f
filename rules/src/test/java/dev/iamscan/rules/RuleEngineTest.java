package dev.iamscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.ResourceModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule's findings carry its own severity, the one SARIF consumers read from the rule. */
class RuleEngineTest {
  private static final RuleMetadata RULE = test("IAM999");
  private static final RuleMetadata OTHER = test("IAM998");

  private static RuleMetadata test(String id) {
    return RuleMetadata.builder(id, "test-rule-" + id.toLowerCase()).category(Category.OVERBROAD_GRANT)
        .severity(Severity.HIGH).precision(RuleMetadata.Precision.HIGH).summary("A test rule")
        .description("Finds things.").remediation("remove them.").build();
  }

  private static Rule reporting(RuleMetadata as, Severity severity) {
    return new Rule() {
      @Override
      public RuleMetadata metadata() {
        return RULE;
      }

      @Override
      public void check(ScanContext context, FindingSink sink) {
        sink.report(new Finding(as, severity, "found", Models.at("main.tf", 1), "r", "", List.of()));
      }
    };
  }

  private static List<Finding> run(Rule rule) {
    return new RuleEngine(List.of(rule)).run(ScanContext.of(new ResourceModel(List.of())));
  }

  @Test
  void aFindingAtTheRulesOwnSeverityPasses() {
    assertEquals(1, run(reporting(RULE, Severity.HIGH)).size());
  }

  @Test
  void aFindingAtAnotherSeverityIsADefect() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(reporting(RULE, Severity.MEDIUM)));
    assertTrue(e.getMessage().contains("IAM999") && e.getMessage().contains("medium"), e.getMessage());
  }

  @Test
  void aFindingOfAnotherRuleIsADefect() {
    assertThrows(IllegalStateException.class, () -> run(reporting(OTHER, Severity.HIGH)));
  }
}
