package dev.iamscan.scanner.sarif;

import dev.iamscan.rules.Severity;

/** How SARIF's {@code level} reads iamscan's severities: a reporting concern, not the domain's. */
final class SarifLevel {
  private SarifLevel() {}

  /** SARIF {@code level} ({@code note}, {@code warning}, {@code error}) for a severity. */
  static String of(Severity severity) {
    return switch (severity) {
      case LOW -> "note";
      case MEDIUM -> "warning";
      case HIGH, CRITICAL -> "error";
    };
  }
}
