package dev.iamscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.ResourceModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule's findings carry its own severity, the one SARIF consumers read from the rule. */
class RuleEngineTest {
  private static final RuleMetadata RULE = new RuleMetadata("IAM999", "test-rule", Category.OVERBROAD_GRANT,
      Severity.HIGH, "A test rule", "How to fix: nothing.\n```\nx\n```", List.of("https://example.com"),
      RuleMetadata.Precision.HIGH);
  private static final RuleMetadata OTHER = new RuleMetadata("IAM998", "other-rule", Category.OVERBROAD_GRANT,
      Severity.HIGH, "Another test rule", "How to fix: nothing.\n```\nx\n```", List.of("https://example.com"),
      RuleMetadata.Precision.HIGH);

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
