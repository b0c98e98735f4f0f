package dev.iamscan.rules.account;

import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;

/**
 * Which resources of a scan belong to the same AWS account, for rules about account-wide settings
 * whose absence matters (no password policy, no Access Analyzer). A scan may hold several accounts'
 * code side by side (one directory per environment), so "anywhere in the scan" would let one
 * account's setting hide another's gap. A setting counts for a resource when it is written in the
 * same directory, a parent directory or a child directory: a Terraform module's directory, a
 * CloudFormation template's directory.
 */
final class AccountScope {
  private AccountScope() {}

  static boolean sameAccount(Resource a, Resource b) {
    String x = directory(a);
    String y = directory(b);
    return within(x, y) || within(y, x);
  }

  /** The directory a resource is deployed from, relative to the scan root ("" for the root). */
  static String directory(Resource r) {
    String s = r.scope().replace('\\', '/');
    if (r.format() == Format.CLOUDFORMATION) {
      int slash = s.lastIndexOf('/');
      s = slash < 0 ? "" : s.substring(0, slash);
    }
    if (s.equals(".") || s.equals("./")) return "";
    if (s.startsWith("./")) s = s.substring(2);
    while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
    return s;
  }

  private static boolean within(String inner, String outer) {
    return outer.isEmpty() || inner.equals(outer) || inner.startsWith(outer + "/");
  }
}
