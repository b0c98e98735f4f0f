package dev.iamscan.policy;

import dev.iamscan.model.SourceRange;
import java.util.Objects;

/** A known string of a policy (an action, a resource ARN, a principal, a condition value) and where it was written. */
public record LocatedString(String value, SourceRange range) {
  public LocatedString {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(range, "range");
  }
}
