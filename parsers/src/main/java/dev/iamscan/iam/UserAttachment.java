package dev.iamscan.iam;

import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;

/**
 * A policy granted to an IAM user directly rather than through a group or a role: one entry per
 * user an attachment names, as written.
 *
 * @param owner the resource that makes the attachment
 * @param user the user as written (a reference, a name, an unresolved expression); null when the
 *     owner names no user although it can only apply to one (a user policy without its user)
 * @param userLabel how the user is named when the policy is written on the user itself (its name
 *     in quotes, or its logical id); null otherwise
 * @param at where the user is named, or where the policy is written on the user
 * @param kind what is attached
 * @param policy the managed policy ARN or reference, or the name of an inline policy written on
 *     the user, as written; null when not written
 * @param document for an inline policy written on the user ({@link Kind#NAMED_INLINE}), where its
 *     document is written: the {@code at} of its {@link IdentityPolicy}; null otherwise
 */
public record UserAttachment(Resource owner, Value user, String userLabel, SourceRange at, Kind kind, Value policy,
    SourceRange document) {
  public UserAttachment(Resource owner, Value user, String userLabel, SourceRange at, Kind kind, Value policy) {
    this(owner, user, userLabel, at, kind, policy, null);
  }

  /** What is attached. */
  public enum Kind {
    /** The owner's own inline policy. */
    INLINE,
    /** An inline policy written on the user, named by {@code policy}. */
    NAMED_INLINE,
    /** A managed policy named by {@code policy}, which messages may resolve to a policy of the scan. */
    MANAGED,
    /** A managed policy ARN listed on the user itself, quoted as written. */
    MANAGED_ON_USER,
    /** The owner is the managed policy. */
    OWNER_MANAGED
  }
}
