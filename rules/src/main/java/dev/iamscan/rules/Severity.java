package dev.iamscan.rules;

import java.util.Locale;

/** How bad a finding is; ordered from least to most severe. */
public enum Severity {
  LOW("3.0", "note"),
  MEDIUM("5.5", "warning"),
  HIGH("8.0", "error"),
  CRITICAL("9.5", "error");

  private final String securitySeverity;
  private final String sarifLevel;

  Severity(String securitySeverity, String sarifLevel) {
    this.securitySeverity = securitySeverity;
    this.sarifLevel = sarifLevel;
  }

  /** SARIF {@code properties.security-severity}, which GitHub maps back to these names. */
  public String securitySeverity() {
    return securitySeverity;
  }

  /** SARIF {@code level}. */
  public String sarifLevel() {
    return sarifLevel;
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
