package dev.iamscan.rules;

import java.util.Objects;

/**
 * The thresholds rules judge against that teams legitimately set differently, read from
 * {@code .iamscan.yml}; rules get them through {@link ScanContext}, never from global state, so two
 * scans with different settings can run side by side.
 */
public record RuleSettings(PasswordPolicy passwordPolicy) {
  /** The recommendations iamscan applies when nothing is configured. */
  public static final RuleSettings DEFAULTS = new RuleSettings(PasswordPolicy.DEFAULTS);

  public RuleSettings {
    Objects.requireNonNull(passwordPolicy, "passwordPolicy");
  }

  /**
   * What the account password policy must at least require.
   *
   * @param minimumLength fewest characters a password may have
   * @param reusePrevention how many previous passwords may not be reused
   * @param maxAgeDays most days a password may be used before it must be changed
   */
  public record PasswordPolicy(int minimumLength, int reusePrevention, int maxAgeDays) {
    /**
     * CIS AWS Foundations Benchmark 1.8/1.9 and the IAM best-practice guidance. Peers disagree on
     * reuse prevention (24, or 5 in some benchmarks), hence configurable.
     */
    public static final PasswordPolicy DEFAULTS = new PasswordPolicy(14, 24, 90);

    /** The ranges AWS accepts for the corresponding password-policy settings. */
    public PasswordPolicy {
      check("minimum length", minimumLength, 6, 128);
      check("reuse prevention", reusePrevention, 1, 24);
      check("maximum age in days", maxAgeDays, 1, 1095);
    }

    private static void check(String what, int value, int low, int high) {
      if (value < low || value > high) {
        throw new IllegalArgumentException(what + " must be between " + low + " and " + high + ": " + value);
      }
    }
  }
}
