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
 */
public record ResourcePolicy(PolicyDocument document, Resource owner, String service, Value target, SourceRange at) {
  public boolean isBucketPolicy() {
    return service.equals("s3");
  }
}
