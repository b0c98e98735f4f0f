package dev.iamscan.rules.account;

import dev.iamscan.model.Resource;

/**
 * Which resources of a scan belong to the same AWS account, for rules about account-wide settings
 * whose absence matters (no password policy, no Access Analyzer). A scan may hold several accounts'
 * code side by side (one directory per environment), so "anywhere in the scan" would let one
 * account's setting hide another's gap. A setting counts for a resource when it is written in the
 * same directory, a parent directory or a child directory: a Terraform module's directory, a
 * CloudFormation template's directory. A resource that a module creates belongs to the account of
 * the root module that calls it, wherever the module's directory is ({@code ../../modules/x}).
 */
final class AccountScope {
  private AccountScope() {}

  static boolean sameAccount(Resource a, Resource b) {
    String x = rootDirectory(a);
    String y = rootDirectory(b);
    return within(x, y) || within(y, x);
  }

  /** The directory of the root module or template that deploys a resource. */
  static String rootDirectory(Resource r) {
    if (r.moduleCalls().isEmpty()) return r.directory();
    String s = r.moduleCalls().get(0).callerScope().replace('\\', '/');
    if (s.equals(".") || s.equals("./")) return "";
    if (s.startsWith("./")) s = s.substring(2);
    while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
    return s;
  }

  private static boolean within(String inner, String outer) {
    return outer.isEmpty() || inner.equals(outer) || inner.startsWith(outer + "/");
  }
}
