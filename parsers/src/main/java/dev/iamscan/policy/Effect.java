package dev.iamscan.policy;

/** A statement's effect. A missing effect is not Allow: the policy grammar requires it. */
public enum Effect {
  ALLOW,
  DENY,
  /** No Effect key at all (invalid in a JSON policy document). */
  MISSING,
  /** A known value other than Allow or Deny. */
  INVALID,
  /** An expression the scanner could not resolve. */
  UNKNOWN
}
