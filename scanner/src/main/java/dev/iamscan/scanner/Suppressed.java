package dev.iamscan.scanner;

import dev.iamscan.rules.Finding;
import java.util.Objects;

/**
 * A finding a user accepted, with why.
 *
 * @param finding what the rule found
 * @param kind where the acceptance was written
 * @param justification the reason given
 */
public record Suppressed(Finding finding, Kind kind, String justification) {
  /** SARIF {@code suppression.kind}. */
  public enum Kind {
    /** A comment or template metadata next to the code. */
    IN_SOURCE("inSource"),
    /** An exception in the configuration file. */
    EXTERNAL("external");

    private final String sarif;

    Kind(String sarif) {
      this.sarif = sarif;
    }

    public String sarif() {
      return sarif;
    }
  }

  public Suppressed {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(justification, "justification");
  }
}
