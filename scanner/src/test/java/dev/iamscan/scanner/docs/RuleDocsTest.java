package dev.iamscan.scanner.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.rules.RuleCatalog;
import dev.iamscan.rules.RuleMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleDocsTest {
  static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

  final RuleDocs docs = new RuleDocs(RuleCatalog.all(), RuleDocs.fixtures(PROJECT));

  @Test
  void committedRuleDocsAreCurrent() throws IOException {
    List<String> stale = docs.stale(PROJECT);
    assertEquals(List.of(), stale, "rule docs are stale; regenerate them from the project root with: "
        + RuleDocs.REGENERATE + "   (then commit docs/rules and the README table)");
  }

  @Test
  void everyRulePageShowsAFlaggedExample() {
    for (RuleMetadata rule : docs.rules()) {
      String page = docs.page(rule);
      assertTrue(page.contains("## Noncompliant example"), rule.id() + " has no fixture with an expect marker");
      assertTrue(page.startsWith("<!-- Generated"), page);
    }
  }
}
