package dev.iamscan.scanner.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The SARIF 2.1.0 schema check, for tests outside this package. */
public final class SarifValidation {
  private SarifValidation() {}

  public static List<String> errors(JsonNode sarif) {
    return new SarifSchema().errors(sarif);
  }
}
