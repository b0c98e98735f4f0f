package dev.iamscan.policy;

import dev.iamscan.model.SourceRange;
import java.util.Objects;

/**
 * One principal of a statement. {@code type} is {@code AWS}, {@code Service}, {@code Federated},
 * {@code CanonicalUser}, or {@code *} for the plain string form {@code "Principal": "*"}.
 */
public record PolicyPrincipal(String type, String id, SourceRange range) {
  public PolicyPrincipal {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(range, "range");
  }

  /** Anyone: {@code "*"}, {@code {"AWS": "*"}}, or a {@code *} identifier of any type. */
  public boolean isEveryone() {
    return id.equals("*") && (type.equals("*") || type.equals("AWS"));
  }
}
