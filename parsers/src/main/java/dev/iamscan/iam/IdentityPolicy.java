package dev.iamscan.iam;

import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.policy.PolicyDocument;
import java.util.List;

/**
 * A policy that grants permissions to identities: inline (user, group, role, SAM function, permission
 * set) or customer managed ({@code managed}; attached through {@link #attachedTo} or attachments).
 *
 * @param owner the resource that holds the document
 * @param at the attribute holding the document
 * @param attachedTo the identities it is written on or attached to, as far as the scan shows
 */
public record IdentityPolicy(PolicyDocument document, Resource owner, SourceRange at, boolean managed, List<PrincipalRef> attachedTo) {
  public IdentityPolicy {
    attachedTo = List.copyOf(attachedTo);
  }
}
