package dev.iamscan.rules.account;

/**
 * What AWS itself applies, unlike the thresholds iamscan expects, which are configurable
 * ({@link dev.iamscan.rules.RuleSettings.PasswordPolicy}).
 */
final class PasswordPolicyThresholds {
  private PasswordPolicyThresholds() {}

  /** AWS's own minimum length when the policy does not set one. */
  static final int AWS_DEFAULT_MINIMUM_LENGTH = 6;
}
