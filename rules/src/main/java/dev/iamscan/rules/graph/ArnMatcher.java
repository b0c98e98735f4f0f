package dev.iamscan.rules.graph;

import dev.iamscan.model.Value;
import dev.iamscan.policy.ActionPattern;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a {@code Resource} pattern of a policy covers a {@link Target}. Wildcards as IAM reads
 * them; policy variables resolved where the scan knows the caller ({@code ${aws:username}} of a
 * user), unknown otherwise; partition and account written as pseudo-parameters or left unresolved
 * stand for the account the scan deploys to. A literal account id is taken to be that account: the
 * scan cannot tell which account it deploys to, and policies of a template name their own account.
 * AWS-managed policies live in the account {@code aws}, which no account id, pseudo-parameter or
 * unresolved value names.
 */
final class ArnMatcher {
  private static final char HOLE = Value.Unknown.HOLE;
  private static final Pattern PSEUDO = Pattern.compile("\\$\\{AWS::[A-Za-z]+}");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
  /** Stands for a name the scan does not know: only wildcards match it. */
  static final String UNKNOWN_NAME = "\uE001\uE002";

  private ArnMatcher() {}

  /**
   * @param pattern the pattern as written (a hole marks an unresolved part)
   * @param caller the user name for {@code ${aws:username}}: null when the caller is a user whose
   *     name is unknown, empty when the caller is not a user (the variable is then absent)
   */
  static Tri matches(String pattern, Target target, String caller) {
    // CloudFormation pseudo-parameters hold colons of their own: read them as unresolved parts.
    String trimmed = pattern.trim();
    String p = trimmed.indexOf("${") < 0 ? trimmed : PSEUDO.matcher(trimmed).replaceAll(String.valueOf(HOLE));
    if (p.equals("*")) return Tri.YES;
    String[] parts = p.split(":", 6);
    if (parts.length < 6) return p.indexOf(HOLE) >= 0 ? Tri.UNKNOWN : Tri.NO;
    Tri result = Tri.YES;
    if (!glob(parts[0], "arn")) return Tri.NO;
    result = result.and(partition(parts[1]));
    result = result.and(fixed(parts[2], target.service()));
    result = result.and(target.regional() ? anyRegion(parts[3]) : fixed(parts[3], ""));
    result = result.and(account(parts[4], target));
    if (result == Tri.NO) return Tri.NO;
    return result.and(resource(parts[5], target, caller));
  }

  private static Tri partition(String s) {
    if (s.indexOf(HOLE) >= 0 || s.contains("${")) return Tri.YES;
    for (String known : new String[] {"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b"}) {
      if (glob(s, known)) return Tri.YES;
    }
    return Tri.NO;
  }

  private static Tri fixed(String s, String value) {
    if (s.indexOf(HOLE) >= 0) return Tri.UNKNOWN;
    return Tri.of(glob(s.toLowerCase(Locale.ROOT), value));
  }

  private static Tri anyRegion(String s) {
    return s.indexOf(HOLE) >= 0 || s.contains("${") ? Tri.UNKNOWN : Tri.YES;
  }

  private static Tri account(String s, Target target) {
    if (target.awsManaged()) return Tri.of(s.indexOf(HOLE) < 0 && !s.contains("${") && glob(s, "aws"));
    if (s.indexOf(HOLE) >= 0 || s.contains("${")) return Tri.YES;
    if (s.isEmpty()) return Tri.NO;
    if (s.chars().allMatch(Character::isDigit)) return Tri.YES;
    return Tri.of(s.chars().allMatch(c -> c == '*' || c == '?' || Character.isDigit(c)));
  }

  private static Tri resource(String written, Target target, String caller) {
    boolean unknown = false;
    StringBuilder sb = new StringBuilder();
    Matcher m = VARIABLE.matcher(written);
    int last = 0;
    while (m.find()) {
      sb.append(written, last, m.start());
      String var = m.group(1);
      String lower = var.toLowerCase(Locale.ROOT);
      if (var.equals("*") || var.equals("?") || var.equals("$")) {
        sb.append(var); // escapes for the literal characters; rare enough to match as wildcards
      } else if (lower.equals("aws:username")) {
        if (caller == null) {
          unknown = true;
          sb.append('*');
        } else if (caller.isEmpty()) {
          return Tri.NO; // the variable is absent for roles: the element matches nothing
        } else {
          sb.append(caller);
        }
      } else {
        unknown = true;
        sb.append('*');
      }
      last = m.end();
    }
    sb.append(written, last, written.length());
    String p = sb.toString();
    if (p.indexOf(HOLE) >= 0) {
      unknown = true;
      p = p.replace(HOLE, '*');
    }
    String full = target.prefix() + (target.name() == null ? UNKNOWN_NAME : target.name());
    if (ActionPattern.matches(p, full)) return unknown ? Tri.UNKNOWN : Tri.YES;
    if (target.name() != null) return Tri.NO;
    // An unknown name: the pattern may name it, if its type and path agree.
    String literal = literalPrefix(p);
    String prefix = target.prefix();
    boolean compatible = literal.startsWith(prefix) || prefix.startsWith(literal);
    return compatible ? Tri.UNKNOWN : Tri.NO;
  }

  private static String literalPrefix(String p) {
    int i = 0;
    while (i < p.length() && p.charAt(i) != '*' && p.charAt(i) != '?') i++;
    return p.substring(0, i);
  }

  private static boolean glob(String pattern, String text) {
    return ActionPattern.matches(pattern, text);
  }
}
