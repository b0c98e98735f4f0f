package dev.iamscan.state;

import dev.iamscan.iam.PrincipalRef;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;

/**
 * A console password given to an IAM user.
 *
 * @param owner the resource that writes it (a login profile resource, or the user holding it)
 * @param user the user it belongs to, named the way the IAM view names identities
 * @param at where a finding about the login as a whole points
 * @param label how messages name the login profile itself
 * @param passwordResetRequired whether the user must change the password at first sign-in
 * @param generatedLength the length of a password the provider generates
 * @param password a password written in the source (a secret: never shown)
 */
public record LoginProfile(Resource owner, PrincipalRef user, SourceRange at, String label,
    Setting passwordResetRequired, Setting generatedLength, Setting password) {}
