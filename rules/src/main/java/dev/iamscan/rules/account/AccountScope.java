package dev.iamscan.rules.account;

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
    String x = a.directory();
    String y = b.directory();
    return within(x, y) || within(y, x);
  }

  private static boolean within(String inner, String outer) {
    return outer.isEmpty() || inner.equals(outer) || inner.startsWith(outer + "/");
  }
}
