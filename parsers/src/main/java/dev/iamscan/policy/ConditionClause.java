package dev.iamscan.policy;

import dev.iamscan.model.SourceRange;
import java.util.List;
import java.util.Locale;

/**
 * One condition test: {@code "StringEquals": {"aws:SourceAccount": ["123"]}} gives operator
 * {@code StringEquals}, key {@code aws:SourceAccount}, values {@code ["123"]}.
 */
public record ConditionClause(String operator, String key, List<LocatedString> values, boolean hasUnknown, SourceRange range) {
  public ConditionClause {
    values = List.copyOf(values);
  }

  /** The operator without {@code ForAllValues:}/{@code ForAnyValue:} and {@code IfExists}. */
  public String baseOperator() {
    String op = operator;
    int colon = op.indexOf(':');
    if (colon >= 0) op = op.substring(colon + 1);
    if (op.endsWith("IfExists")) op = op.substring(0, op.length() - "IfExists".length());
    return op;
  }

  public boolean ifExists() {
    return operator.endsWith("IfExists");
  }

  /** Negated operators ({@code StringNotEquals}, {@code ArnNotLike}, ...) and {@code Null}. */
  public boolean negated() {
    String op = baseOperator();
    return op.contains("Not");
  }

  /**
   * Whether the clause admits only existing resources that carry a given tag: a positive test
   * ({@code StringEquals}, {@code StringLike}, or {@code Null: false}) on {@code aws:ResourceTag/k}
   * or a service's own {@code ec2:ResourceTag/k}. That is attribute-based access control, AWS's
   * alternative to naming ARNs: the request context of an untagged resource, or of an action
   * without the key, fails the test. {@code IfExists} and set operators pass when the key is
   * missing, so they limit nothing.
   */
  public boolean limitsToTaggedResources() {
    if (operator.contains(":") || ifExists()) return false;
    String k = lowerKey();
    int colon = k.indexOf(':');
    if (colon <= 0 || !k.startsWith("resourcetag/", colon + 1) || k.length() <= colon + 1 + "resourcetag/".length()) {
      return false;
    }
    String op = baseOperator();
    if (op.equals("Null")) {
      return !values.isEmpty() && !hasUnknown && values.stream().allMatch(v -> v.value().equalsIgnoreCase("false"));
    }
    boolean positive = op.equals("StringEquals") || op.equals("StringLike") || op.equals("StringEqualsIgnoreCase");
    return positive && (hasUnknown || !values.isEmpty());
  }

  public String lowerKey() {
    return key.toLowerCase(Locale.ROOT);
  }
}
