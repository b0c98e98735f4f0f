package dev.iamscan.iam;

import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.policy.PolicyDocument;

/**
 * A policy written on a resource (bucket, queue, topic, key, repository, ...) saying who may use it.
 *
 * @param service the service prefix of the protected resource ({@code s3}, {@code sqs}, ...)
 * @param target the protected resource as written (a bucket name or reference), or null when the
 *     policy is an attribute of that resource itself ({@code owner})
 * @param form what the written policy is
 */
public record ResourcePolicy(PolicyDocument document, Resource owner, String service, Value target, SourceRange at,
    Form form) {
  /** What a resource policy as written is. */
  public enum Form {
    /** A resource-based policy document: every statement names a Principal. */
    RESOURCE,
    /** A policy document of a type that may also hold identity-like documents (IoT policies, ...). */
    ANY,
    /** A single statement (an EventBridge bus policy's Statement), not a document. */
    STATEMENT
  }

  public boolean isBucketPolicy() {
    return service.equals("s3");
  }
}
