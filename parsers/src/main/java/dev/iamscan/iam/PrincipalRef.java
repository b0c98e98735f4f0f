package dev.iamscan.iam;

import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity a policy is attached to, as written: a reference to a user, group or role of the
 * scan ({@code resource} set), or only a name.
 *
 * @param name how messages name it: the resource's display name, or the name written
 * @param range where the attachment names it
 */
public record PrincipalRef(PrincipalKind kind, Resource resource, String name, SourceRange range) {
  public PrincipalRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(range, "range");
  }

  public Optional<Resource> target() {
    return Optional.ofNullable(resource);
  }

  /** A key equal for two references to the same identity. */
  public String identity() {
    return resource != null ? resource.scope() + "\u0000" + resource.address() : kind + "\u0000" + name;
  }
}
