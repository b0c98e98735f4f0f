package dev.iamscan.iam;

/** What kind of identity a policy is attached to. */
public enum PrincipalKind {
  USER,
  GROUP,
  ROLE,
  /** An IAM Identity Center permission set. */
  PERMISSION_SET,
  /** The execution role SAM creates for a serverless function. */
  FUNCTION_ROLE;

  public String label() {
    return switch (this) {
      case USER -> "user";
      case GROUP -> "group";
      case ROLE -> "role";
      case PERMISSION_SET -> "permission set";
      case FUNCTION_ROLE -> "function role";
    };
  }
}
