package dev.iamscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {
  @Test
  void idsAndSlugsAreUnique() {
    Set<String> ids = new HashSet<>();
    Set<String> slugs = new HashSet<>();
    for (Rule r : RuleCatalog.all()) {
      assertTrue(ids.add(r.metadata().id()), "duplicate id " + r.metadata().id());
      assertTrue(slugs.add(r.metadata().slug()), "duplicate slug " + r.metadata().slug());
    }
    assertFalse(ids.isEmpty());
  }

  @Test
  void everyRuleExplainsHowToFixAndLinksDocumentation() {
    for (Rule r : RuleCatalog.all()) {
      RuleMetadata m = r.metadata();
      assertTrue(m.remediation().endsWith("."), m.id() + " remediation should be sentences");
      assertFalse(m.examples().isEmpty(), m.id() + " help needs an example");
      assertFalse(m.references().isEmpty(), m.id() + " needs documentation links");
      m.references().forEach(u -> assertTrue(u.startsWith("https://"), m.id() + " link " + u));
      assertEquals(m, RuleCatalog.byId(m.id()).orElseThrow().metadata());
    }
  }
}
