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

  public String lowerKey() {
    return key.toLowerCase(Locale.ROOT);
  }
}
