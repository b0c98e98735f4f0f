package dev.iamscan.rules.credentials;

/** How credentials appear in messages and evidence: never in full. */
final class SecretText {
  private SecretText() {}

  /** The first four characters and {@code ****}; shorter values are hidden entirely. */
  static String mask(String secret) {
    if (secret == null || secret.length() <= 4) return "****";
    return secret.substring(0, 4) + "****";
  }
}
