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
  void fixJoinsARemediationSentenceWrittenOverSeveralLines() {
    assertEquals("Name the buckets (ARNs, with a prefix wildcard where needed), or scope them.",
        RuleHelp.fix(with("Why.", "name the buckets (ARNs, with a prefix wildcard where\n  needed), or scope them.\n\nMore.")));
  }

  @Test
  void noRuleTextHoldsALiteralBackslashAtALineEnd() {
    for (Rule rule : dev.iamscan.rules.RuleCatalog.all()) {
      RuleMetadata m = rule.metadata();
      for (String text : new String[] {m.description(), m.remediation()}) {
        assertFalse(text.contains("\\\n"), m.id() + " holds a backslash before a line end: a text block escape written twice");
      }
      assertFalse(RuleHelp.fix(m).contains("\\"), m.id() + ": " + RuleHelp.fix(m));
    }
  }

  @Test
  void fullDescriptionIsTheFirstParagraphOfTheDescription() {
    assertEquals("First line continues here.", RuleHelp.fullDescription(with("First line\ncontinues `here`\n\nSecond.", "x")));
  }

  @Test
  void aLongFirstParagraphIsCutAtASentenceWithinGitHubsLimit() {
    String sentence = "This sentence is forty-nine characters long, ok. ";
    String help = sentence.repeat(30).strip();
    String full = RuleHelp.fullDescription(with(help, "x"));
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
