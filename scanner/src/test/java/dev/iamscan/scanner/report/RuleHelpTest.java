package dev.iamscan.scanner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamscan.rules.Category;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.Fixtures;
import org.junit.jupiter.api.Test;

class RuleHelpTest {
  static RuleMetadata with(String description, String remediation) {
    return RuleMetadata.builder("IAM950", "some-rule").category(Category.MFA).severity(Severity.LOW)
        .precision(RuleMetadata.Precision.HIGH).summary("Summary").description(description).remediation(remediation)
        .build();
  }

  @Test
  void fixIsTheRemediation() {
    assertEquals("Rename the resource so it no longer starts with bad.", RuleHelp.fix(Fixtures.CRITICAL_RULE));
  }

  @Test
  void fixIsTheFirstSentenceOfTheRemediationInPlainText() {
    assertEquals("List the actions you need.", RuleHelp.fix(with("Why it matters.", "list the `actions` you need. Then more.")));
  }

  @Test
  void fullDescriptionIsTheFirstParagraphOfTheDescription() {
    assertEquals("First line continues here.", RuleHelp.fullDescription(with("First line\ncontinues `here`\n\nSecond.", "x")));
  }
}
