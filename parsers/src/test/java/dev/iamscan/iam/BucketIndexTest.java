package dev.iamscan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BucketIndexTest {
  private static final SourceRange AT = SourceRange.at("main.tf", 1, 1);

  private static Value.ObjectValue obj(Object... kv) {
    List<Value.Field> fields = new ArrayList<>();
    for (int i = 0; i < kv.length; i += 2) fields.add(new Value.Field((String) kv[i], AT, (Value) kv[i + 1]));
    return new Value.ObjectValue(fields, AT);
  }

  private static Value.Text text(String s) {
    return new Value.Text(s, AT);
  }

  private static Value.Bool bool(boolean b) {
    return new Value.Bool(b, AT);
  }

  private static Value.Reference ref(String target, String attribute) {
    return new Value.Reference(target, attribute, target + (attribute == null ? "" : "." + attribute), AT);
  }

  private static Resource tf(String type, String name, Value.ObjectValue body) {
    return new Resource(Format.TERRAFORM, "resource", type, name, ".", body, Value.ObjectValue.empty(AT), AT, List.of());
  }

  private static Resource cfn(String type, String id, Value.ObjectValue props) {
    return new Resource(Format.CLOUDFORMATION, "resource", type, id, "t.yaml", props, Value.ObjectValue.empty(AT), AT, List.of());
  }

  @Test
  void linksByReferenceAndByName() {
    Resource site = tf("aws_s3_bucket", "site", obj("bucket", text("site-bucket")));
    Resource byRef = tf("aws_s3_bucket_public_access_block", "a", obj("bucket", ref("aws_s3_bucket.site", "id"),
        "block_public_policy", bool(true), "restrict_public_buckets", bool(true)));
    Resource other = tf("aws_s3_bucket_public_access_block", "b", obj("bucket", text("other")));
    BucketIndex index = dev.iamscan.state.StateView.build(new ResourceModel(List.of(site, byRef, other))).buckets();

    Resource policyOwner = tf("aws_s3_bucket_policy", "p", obj("bucket", text("site-bucket")));
    assertEquals(Optional.of(site), index.bucket(policyOwner, text("site-bucket")));
    assertEquals(Optional.of(site), index.bucket(policyOwner, ref("aws_s3_bucket.site", "bucket")));
    assertEquals(Optional.empty(), index.bucket(policyOwner, text("unknown-bucket")));

    var blocks = index.blocksFor(policyOwner, text("site-bucket"));
    assertEquals(1, blocks.size());
    assertEquals(byRef, blocks.get(0).owner());
    assertTrue(BucketIndex.allEnabled(blocks, BucketIndex.PublicAccessSetting.BLOCK_PUBLIC_POLICY, BucketIndex.PublicAccessSetting.RESTRICT_PUBLIC_BUCKETS));
    assertFalse(BucketIndex.allEnabled(blocks, BucketIndex.PublicAccessSetting.IGNORE_PUBLIC_ACLS));
    // The bucket itself (legacy inline policy) finds its block too.
    assertEquals(1, index.blocksFor(site, null).size());
    // A name that no bucket of the scan has links to a block written with the same name.
    assertEquals(other, index.blocksFor(policyOwner, text("other")).get(0).owner());
  }

  @Test
  void accountBlockAppliesToEveryBucketOfTheScope() {
    Resource account = tf("aws_s3_account_public_access_block", "acct", obj("block_public_acls", bool(true),
        "ignore_public_acls", bool(true)));
    BucketIndex index = dev.iamscan.state.StateView.build(new ResourceModel(List.of(account))).buckets();
    Resource acl = tf("aws_s3_bucket_acl", "a", obj("bucket", text("x")));
    var blocks = index.blocksFor(acl, text("x"));
    assertEquals(1, blocks.size());
    assertTrue(blocks.get(0).accountLevel());
    assertTrue(BucketIndex.allEnabled(blocks, BucketIndex.PublicAccessSetting.BLOCK_PUBLIC_ACLS, BucketIndex.PublicAccessSetting.IGNORE_PUBLIC_ACLS));
  }

  @Test
  void cloudFormationBucketOwnsItsConfiguration() {
    Resource bucket = cfn("AWS::S3::Bucket", "Site", obj("PublicAccessBlockConfiguration",
        obj("BlockPublicPolicy", bool(true), "RestrictPublicBuckets", text("true"), "IgnorePublicAcls", text("false"))));
    Resource policy = cfn("AWS::S3::BucketPolicy", "SitePolicy", obj("Bucket", ref("Site", null)));
    BucketIndex index = dev.iamscan.state.StateView.build(new ResourceModel(List.of(bucket, policy))).buckets();
    assertEquals(Optional.of(bucket), index.bucket(policy, ref("Site", null)));
    var blocks = index.blocksFor(policy, ref("Site", null));
    assertEquals(1, blocks.size());
    BucketIndex.AccessBlock b = blocks.get(0);
    assertEquals(Optional.of(true), b.enabled(BucketIndex.PublicAccessSetting.RESTRICT_PUBLIC_BUCKETS));
    assertEquals(Optional.of(false), b.enabled(BucketIndex.PublicAccessSetting.IGNORE_PUBLIC_ACLS));
    assertEquals(Optional.of(false), b.enabled(BucketIndex.PublicAccessSetting.BLOCK_PUBLIC_ACLS), "absent in a declared configuration is off");
    assertEquals("BlockPublicAcls", b.nameOf(BucketIndex.PublicAccessSetting.BLOCK_PUBLIC_ACLS));
  }

  @Test
  void unknownSettingIsNotAssumed() {
    Resource block = tf("aws_s3_bucket_public_access_block", "a", obj("bucket", text("x"),
        "block_public_acls", new Value.Unknown("var.block", AT)));
    BucketIndex index = dev.iamscan.state.StateView.build(new ResourceModel(List.of(block))).buckets();
    assertEquals(Optional.empty(), index.accessBlocks().get(0).enabled(BucketIndex.PublicAccessSetting.BLOCK_PUBLIC_ACLS));
  }
}
