package dev.iamscan.scanner.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.rules.Category;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.Severity;
import dev.iamscan.scanner.Fixtures;
import dev.iamscan.scanner.Scanner;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleHelpTest {
  static RuleMetadata withHelp(String markdown) {
    return new RuleMetadata("IAM950", "some-rule", Category.MFA, Severity.LOW, "Summary", markdown, List.of(),
        RuleMetadata.Precision.HIGH);
  }

  @Test
  void fixFromAHeading() {
    assertEquals("Rename the resource so it no longer starts with bad.", RuleHelp.fix(Fixtures.CRITICAL_RULE));
  }

  @Test
  void fixFromABoldParagraphTakesItsFirstSentence() {
    RuleMetadata r = withHelp("Why it matters.\n\n**How to fix:** list the `actions` you need. Then more.\n");
    assertEquals("List the actions you need.", RuleHelp.fix(r));
  }

  @Test
  void withoutAFixPointsAtTheRulePage() {
    assertEquals("See https://github.com/iamscan/iamscan/blob/main/docs/rules/IAM950.md",
        RuleHelp.fix(withHelp("Only an explanation.\n")));
  }

  @Test
  void fullDescriptionIsTheFirstParagraph() {
    assertEquals("First line continues here.", RuleHelp.fullDescription(withHelp("# Title\n\nFirst line\ncontinues `here`\n\nSecond.")));
  }

  @Test
  void aLongFirstParagraphIsCutAtASentenceWithinGitHubsLimit() {
    String sentence = "This sentence is forty-nine characters long, ok. ";
    String help = sentence.repeat(30).strip();
    String full = RuleHelp.fullDescription(withHelp(help));
    assertTrue(full.length() <= RuleHelp.FULL_DESCRIPTION_LIMIT, full.length() + "");
    assertTrue(full.length() > RuleHelp.FULL_DESCRIPTION_LIMIT - sentence.length(), full.length() + "");
    assertTrue(full.endsWith("long, ok."), full);
  }

  @Test
  void aLongParagraphWithoutSentencesIsCutAtAWord() {
    String full = RuleHelp.fit("word ".repeat(400).strip(), 30);
    assertEquals("word word word word word\u2026", full);
  }

  @Test
  void everyRuleOfTheCatalogueFitsGitHubsLimit() {
    for (Rule rule : Scanner.allRules()) {
      String full = RuleHelp.fullDescription(rule.metadata());
      assertTrue(full.length() <= RuleHelp.FULL_DESCRIPTION_LIMIT, rule.metadata().id() + ": " + full.length());
      assertFalse(full.isBlank(), rule.metadata().id());
    }
  }
}
