package dev.iamscan.policy;

import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import java.util.Objects;

/**
 * One principal of a statement. {@code type} is {@code AWS}, {@code Service}, {@code Federated},
 * {@code CanonicalUser}, or {@code *} for the plain string form {@code "Principal": "*"}.
 *
 * @param id the identifier as written; for a reference to a principal of the scan, the reference
 *     ({@code aws_iam_user.deploy.arn})
 * @param resource the user or role of the scan the principal names by reference, or null
 * @param kind {@code user} or {@code role} when {@code resource} is set, else null
 */
public record PolicyPrincipal(String type, String id, SourceRange range, Resource resource, String kind) {
  public PolicyPrincipal {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(range, "range");
  }

  public PolicyPrincipal(String type, String id, SourceRange range) {
    this(type, id, range, null, null);
  }

  /** An IAM user: named by reference to a user of the scan, or by a user ARN. */
  public boolean isUser() {
    return "user".equals(kind) || (resource == null && id.matches("arn:[a-z0-9-]+:iam::\\d{12}:user/.+"));
  }

  /** Anyone: {@code "*"}, {@code {"AWS": "*"}}, or a {@code *} identifier of any type. */
  public boolean isEveryone() {
    return id.equals("*") && (type.equals("*") || type.equals("AWS"));
  }
}
