package dev.iamscan.rules;

import dev.iamscan.model.Format;
import java.util.EnumSet;
import java.util.Set;

/** One check. Implementations are stateless: everything they need comes through the context. */
public interface Rule {
  RuleMetadata metadata();

  /** Reports every finding of this rule in the scan through {@code sink}. */
  void check(ScanContext context, FindingSink sink);

  /**
   * The formats in which this rule can find something; its fixtures must cover each. Only a rule
   * about a resource one format lacks (CloudFormation has no account password policy) narrows it.
   */
  default Set<Format> formats() {
    return EnumSet.allOf(Format.class);
  }
}
