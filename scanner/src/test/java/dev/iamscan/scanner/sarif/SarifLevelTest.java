package dev.iamscan.scanner.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamscan.rules.Severity;
import org.junit.jupiter.api.Test;

class SarifLevelTest {
  @Test
  void severitiesMapToSarifLevels() {
    assertEquals("note", SarifLevel.of(Severity.LOW));
    assertEquals("warning", SarifLevel.of(Severity.MEDIUM));
    assertEquals("error", SarifLevel.of(Severity.HIGH));
    assertEquals("error", SarifLevel.of(Severity.CRITICAL));
  }
}
