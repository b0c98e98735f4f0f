package dev.iamscan.rules.grants;

import dev.iamscan.model.Value;
import dev.iamscan.policy.PolicyStatement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * AWS's documented self-service policies: a user manages their own password, access keys, MFA
 * devices, SSH keys, service-specific (Git) credentials and signing certificates, on the resource
 * {@code arn:aws:iam::*:user/${aws:username}}. IAM resolves the policy variable to the caller's own
 * user name, so such a statement reaches the caller and no one else; that is not an overbroad grant.
 * Permissions management on the own user ({@code iam:PutUserPolicy}, {@code iam:AttachUserPolicy})
 * is not self-service but escalation, and stays reported.
 */
final class SelfServiceCredentials {
  private SelfServiceCredentials() {}

  /** Actions on one's own credentials, by the credential they act on. */
  private static final Pattern CREDENTIAL_ACTION = Pattern.compile(
      "iam:(changepassword|[a-z]*(accesskey|loginprofile|mfadevice|sshpublickey|servicespecificcredential"
          + "|signingcertificate)[a-z]*)");

  private static final String HOLE = Pattern.quote(String.valueOf(Value.Unknown.HOLE));

  /**
   * The caller's own user ({@code user/${aws:username}}, also under a path written out such as
   * {@code user/staff/${aws:username}}) or own virtual MFA device ({@code mfa/${aws:username}}), in
   * any partition and account (IAM acts only on users of the caller's account, so the account adds
   * nothing). A part left unresolved may only stand for the partition or the account, never for the
   * path or name; a wildcard in the path reaches other users.
   */
  private static final Pattern OWN = Pattern.compile(
      "arn:(aws[a-z-]*|" + HOLE + "):iam::(\\d{12}|\\*|" + HOLE + ")?:(user|mfa)/([\\w+=,.@-]+/)*\\$\\{aws:username\\}",
      Pattern.CASE_INSENSITIVE);

  static boolean credentialAction(IamActions.Action a) {
    return CREDENTIAL_ACTION.matcher(a.qualified().toLowerCase(java.util.Locale.ROOT)).matches();
  }

  /**
   * Whether the statement's resources are all the caller's own user or MFA device: none unknown,
   * none excluded by {@code NotResource}.
   */
  static boolean onCallerOnly(PolicyStatement s) {
    return !s.notResource() && s.resources().allTexts(r -> OWN.matcher(r.trim()).matches());
  }

  /**
   * Whether the actions a pattern reaches in the statement are all self-service credential actions
   * on the caller's own user.
   */
  static boolean selfService(PolicyStatement s, List<IamActions.Action> reached) {
    return !reached.isEmpty() && reached.stream().allMatch(SelfServiceCredentials::credentialAction)
        && onCallerOnly(s);
  }
}
