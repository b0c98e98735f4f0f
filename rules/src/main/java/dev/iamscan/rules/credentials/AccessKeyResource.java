package dev.iamscan.rules.credentials;

import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.state.AccessKey;
import dev.iamscan.state.StateView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An access key a template creates: for
 * which user, and whether it is active. Shared by the root-key and long-lived-key rules so that
 * they agree on what "root" and "inactive" mean.
 *
 * @param user the user attribute's value, null when absent
 * @param userAt where the user is named, or the resource head
 * @param status the status attribute's value, null when absent (AWS then creates an active key)
 */
record AccessKeyResource(Resource resource, Value user, SourceRange userAt, Value status) {

  static List<AccessKeyResource> all(StateView state) {
    List<AccessKeyResource> out = new ArrayList<>();
    for (AccessKey k : state.accessKeys()) {
      Resource r = k.owner();
      out.add(new AccessKeyResource(r, k.user().value().orElse(null), k.user().valueRangeOr(r.headRange()),
          k.status().value().orElse(null)));
    }
    return out;
  }

  /** Three-valued: what a value certainly is, or that it is not known. */
  enum Answer { YES, NO, UNKNOWN }

  /**
   * Whether the key is for the account's root user: the user is literally {@code root}, in any case.
   * A reference to an IAM user of the scan is never root, whatever that user is called.
   */
  Answer root() {
    return isRoot(user);
  }

  private static Answer isRoot(Value v) {
    if (v == null || v instanceof Value.Reference) return Answer.NO;
    if (v instanceof Value.Conditional c) return either(isRoot(c.whenTrue()), isRoot(c.whenFalse()));
    Optional<String> s = v.scalar();
    if (s.isPresent()) return s.get().strip().equalsIgnoreCase("root") ? Answer.YES : Answer.NO;
    return v instanceof Value.Null ? Answer.NO : Answer.UNKNOWN;
  }

  /** Whether the key may be active: no status (the default is Active) or {@code Active}. */
  Answer active() {
    return isActive(status);
  }

  private static Answer isActive(Value v) {
    if (v == null || v instanceof Value.Null) return Answer.YES;
    if (v instanceof Value.Conditional c) return either(isActive(c.whenTrue()), isActive(c.whenFalse()));
    Optional<String> s = v.scalar();
    if (s.isPresent()) return s.get().strip().toLowerCase(Locale.ROOT).equals("inactive") ? Answer.NO : Answer.YES;
    return Answer.UNKNOWN;
  }

  /** Either of two deployable branches: YES when one certainly is, NO when neither can be. */
  private static Answer either(Answer a, Answer b) {
    if (a == Answer.YES || b == Answer.YES) return Answer.YES;
    if (a == Answer.NO && b == Answer.NO) return Answer.NO;
    return Answer.UNKNOWN;
  }

  /**
   * How messages name the user: a user of the scan by its address or logical id, as IAM010 does,
   * rather than the reference text ({@code aws_iam_user.this[0].name}); otherwise as written.
   */
  String userLabel(ResourceModel model) {
    if (user instanceof Value.Reference r) {
      Optional<Resource> target = model.resolve(resource, r);
      if (target.isPresent()) return target.get().displayName();
    }
    return userLabel();
  }

  /** The user as written: stable evidence for baselines, whatever the scan resolves it to. */
  String userLabel() {
    if (user == null) return "(no user)";
    if (user instanceof Value.Reference r) return r.expression();
    if (user instanceof Value.Unknown u) return u.expression();
    return user.scalar().map(s -> "\"" + s + "\"").orElse("(unresolved)");
  }
}
