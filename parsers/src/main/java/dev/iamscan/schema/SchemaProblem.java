package dev.iamscan.schema;

import dev.iamscan.model.SourceRange;
import java.util.Objects;

/**
 * One way a value breaks one of iamscan's schemas.
 *
 * @param pointer JSON pointer of the offending member inside the checked value
 * @param kind what is wrong
 * @param message what is wrong, naming the member and, for an unknown name, the closest valid one
 * @param range the offending key (or value, or the object missing a member)
 */
public record SchemaProblem(String pointer, Kind kind, String message, SourceRange range) {
  public enum Kind {
    UNKNOWN_MEMBER,
    MISSING_MEMBER,
    CONFLICTING_MEMBERS,
    FORBIDDEN_MEMBER,
    WRONG_TYPE,
    INVALID_VALUE
  }

  public SchemaProblem {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(range, "range");
  }
}
