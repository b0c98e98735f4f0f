package dev.iamscan.rules.account;

import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyStatement;
import java.util.Locale;

/** How a policy statement's conditions involve MFA. */
public final class MfaConditions {
  public static final String PRESENT = "aws:multifactorauthpresent";
  public static final String AGE = "aws:multifactorauthage";

  private MfaConditions() {}

  /**
   * A Deny that applies when the request was not authenticated with MFA: {@code BoolIfExists} (or
   * {@code Bool}) {@code aws:MultiFactorAuthPresent = false}, or {@code Null aws:MultiFactorAuthPresent = true}.
   */
  public static boolean deniesWithoutMfa(PolicyStatement s) {
    if (s.effect() != dev.iamscan.policy.Effect.DENY) return false;
    for (ConditionClause c : s.conditions()) {
      if (!c.lowerKey().equals(PRESENT)) continue;
      String op = c.baseOperator().toLowerCase(Locale.ROOT);
      if (op.equals("bool") && has(c, "false")) return true;
      if (op.equals("null") && has(c, "true")) return true;
    }
    return false;
  }

  /**
   * An Allow usable only with MFA: {@code Bool}/{@code BoolIfExists} {@code aws:MultiFactorAuthPresent = true},
   * or a {@code NumericLessThan} limit on {@code aws:MultiFactorAuthAge} (absent without MFA).
   */
  public static boolean requiresMfa(PolicyStatement s) {
    for (ConditionClause c : s.conditions()) {
      String op = c.baseOperator().toLowerCase(Locale.ROOT);
      if (c.lowerKey().equals(PRESENT) && op.equals("bool") && has(c, "true") && !has(c, "false")) return true;
      if (c.lowerKey().equals(AGE) && !c.ifExists() && op.startsWith("numericless")) return true;
    }
    return false;
  }

  private static boolean has(ConditionClause c, String value) {
    return c.values().stream().map(LocatedString::value).anyMatch(v -> v.trim().equalsIgnoreCase(value));
  }
}
