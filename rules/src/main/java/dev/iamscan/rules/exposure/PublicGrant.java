package dev.iamscan.rules.exposure;

import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.Value;
import dev.iamscan.policy.ActionAccessLevel;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyPrincipal;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.policy.PublicAccess;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A resource-policy statement that lets anyone in, with the action that makes it worst: any action
 * that may write, delete or change permissions (or a {@code NotAction}) makes it critical, reads and
 * lists only make it high.
 *
 * @param principal the {@code *} principal
 * @param action how messages name the offending action(s)
 * @param mayWrite whether some granted action may do more than read or list
 */
record PublicGrant(PolicyStatement statement, PolicyPrincipal principal, String action, boolean mayWrite) {

  static Optional<PublicGrant> of(PolicyStatement s) {
    Optional<PolicyPrincipal> p = PublicAccess.everyone(s);
    if (p.isEmpty()) return Optional.empty();
    if (s.notAction()) {
      String except = s.actions().known().stream().map(LocatedString::value).collect(Collectors.joining(", "));
      return Optional.of(new PublicGrant(s, p.get(), "every action except " + (except.isEmpty() ? "(unresolved)" : except), true));
    }
    Optional<LocatedString> write = s.actions().known().stream()
        .filter(a -> !ActionAccessLevel.isReadOnly(a.value())).findFirst();
    if (write.isPresent()) return Optional.of(new PublicGrant(s, p.get(), write.get().value(), true));
    // Only reads are known; unresolved actions are not guessed to be writes.
    String read = s.actions().known().stream().map(LocatedString::value).collect(Collectors.joining(", "));
    if (read.isEmpty()) read = "(unresolved actions)";
    return Optional.of(new PublicGrant(s, p.get(), read, false));
  }

  /** {@code Principal "*"} or {@code AWS "*"}, as written. */
  String principalText() {
    return principal.type().equals("*") ? "Principal \"*\"" : principal.type() + " \"*\"";
  }

  /** The resource a target attribute names, when it is a reference into the scan. */
  static Optional<Resource> target(ResourceModel model, Resource owner, Value target) {
    if (target == null) return Optional.empty();
    for (Value v : target.elements()) {
      if (v instanceof Value.Reference r) {
        Optional<Resource> t = model.resolve(owner, r);
        if (t.isPresent()) return t;
      }
    }
    return Optional.empty();
  }
}
