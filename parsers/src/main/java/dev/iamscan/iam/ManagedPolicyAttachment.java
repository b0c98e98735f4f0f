package dev.iamscan.iam;

import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A managed policy attached to identities by ARN: AWS-managed ({@code arn:aws:iam::aws:policy/...} in
 * any partition, or a SAM policy name) or customer managed (a reference to a policy of the scan).
 *
 * @param policy the ARN or reference as written
 * @param owner the resource that makes the attachment
 * @param at where the ARN is written
 */
public record ManagedPolicyAttachment(Value policy, Resource owner, SourceRange at, List<PrincipalRef> principals) {
  private static final Pattern AWS_MANAGED = Pattern.compile(
      "arn:(?:aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|\\$\\{AWS::Partition\\}|\\$\\{[A-Za-z0-9_.:]+\\}):iam::aws:policy/(?:.*/)?([A-Za-z0-9+=,.@_-]+)");
  private static final Pattern BARE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  public ManagedPolicyAttachment {
    principals = List.copyOf(principals);
  }

  /**
   * The name of the AWS-managed policy, when the ARN is one in any partition, also when the
   * partition is written as {@code ${AWS::Partition}} or a Terraform data source.
   */
  public Optional<String> awsManagedName() {
    return awsManagedName(policy);
  }

  static Optional<String> awsManagedName(Value v) {
    String text;
    if (v instanceof Value.Text t) text = t.value();
    else if (v instanceof Value.Unknown u) text = u.expression();
    else return Optional.empty();
    text = text.trim();
    if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) text = text.substring(1, text.length() - 1);
    Matcher m = AWS_MANAGED.matcher(text);
    if (m.matches()) return Optional.of(m.group(1));
    return Optional.empty();
  }

  /** A SAM {@code Policies} entry may name an AWS-managed policy without its ARN. */
  static boolean isBareName(String s) {
    return BARE_NAME.matcher(s).matches();
  }
}
