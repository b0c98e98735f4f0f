package dev.iamscan.scanner;

import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Severity;
import java.util.Locale;

/** The lowest severity of a reported finding that fails the scan; {@link #NONE} never fails on findings. */
public enum FailOn {
  CRITICAL(Severity.CRITICAL), HIGH(Severity.HIGH), MEDIUM(Severity.MEDIUM), LOW(Severity.LOW), NONE(null);

  private final Severity threshold;

  FailOn(Severity threshold) {
    this.threshold = threshold;
  }

  /** Whether this finding fails the scan. */
  public boolean fails(Finding f) {
    return threshold != null && f.severity().atLeast(threshold);
  }

  /** {@code critical|high|medium|low|none}, as written in the configuration file. */
  public static FailOn parse(String text) {
    return valueOf(text.strip().toUpperCase(Locale.ROOT));
  }
}
