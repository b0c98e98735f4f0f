package dev.iamscan.rules;

import java.util.Locale;

/** How bad a finding is; ordered from least to most severe. */
public enum Severity {
  LOW("3.0"),
  MEDIUM("5.5"),
  HIGH("8.0"),
  CRITICAL("9.5");

  private final String securitySeverity;

  Severity(String securitySeverity) {
    this.securitySeverity = securitySeverity;
  }

  /** SARIF {@code properties.security-severity}, which GitHub maps back to these names. */
  public String securitySeverity() {
    return securitySeverity;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  public static Severity parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
