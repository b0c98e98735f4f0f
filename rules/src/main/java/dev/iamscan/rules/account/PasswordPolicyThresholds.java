package dev.iamscan.rules.account;

/**
 * The account password policy iamscan expects, in one place so that they can be made configurable:
 * CIS AWS Foundations Benchmark 1.8/1.9 and the IAM best-practice guidance.
 */
final class PasswordPolicyThresholds {
  private PasswordPolicyThresholds() {}

  /** Fewest characters a password may have. */
  static final int MINIMUM_LENGTH = 14;
  /** How many previous passwords may not be reused. */
  static final int REUSE_PREVENTION = 24;
  /** Most days a password may be used before it must be changed. */
  static final int MAXIMUM_AGE_DAYS = 90;
  /** AWS's own minimum length when the policy does not set one. */
  static final int AWS_DEFAULT_MINIMUM_LENGTH = 6;
}
