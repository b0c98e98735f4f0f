package dev.iamscan.state;

import dev.iamscan.iam.BucketIndex;
import dev.iamscan.model.Resource;
import dev.iamscan.model.Value;
import java.util.List;

/**
 * The access control list of an S3 bucket as written: a canned ACL and explicit grants.
 *
 * @param owner the resource that writes it (the bucket, an ACL resource, or a module call)
 * @param bucket the bucket of the scan it applies to; null when not known
 * @param blocks the public-access blocks that apply to that bucket
 * @param canned the canned ACL, absent when not written
 * @param grants explicit grants
 */
public record BucketAcl(Resource owner, Resource bucket, List<BucketIndex.AccessBlock> blocks, Setting canned,
    List<Grant> grants) {
  public BucketAcl {
    blocks = List.copyOf(blocks);
    grants = List.copyOf(grants);
  }

  /** One grant: the grantee type and URI, and the permission (or permissions) granted; null when absent. */
  public record Grant(Value type, Value uri, Value permissions) {}
}
