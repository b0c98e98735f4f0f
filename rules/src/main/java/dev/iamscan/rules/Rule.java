package dev.iamscan.rules;

/** One check. Implementations are stateless: everything they need comes through the context. */
public interface Rule {
  RuleMetadata metadata();

  /** Reports every finding of this rule in the scan through {@code sink}. */
  void check(ScanContext context, FindingSink sink);
}
