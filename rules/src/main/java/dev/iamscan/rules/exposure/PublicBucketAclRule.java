package dev.iamscan.rules.exposure;

import dev.iamscan.iam.BucketIndex;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A bucket ACL that grants access to everyone or to every AWS account. */
public final class PublicBucketAclRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM021", "public-bucket-acl")
      .category(Category.PUBLIC_BUCKET).severity(Severity.CRITICAL).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("S3 bucket ACL grants access to all users or all authenticated AWS users")
      .description("""
          The canned ACLs `public-read`, `public-read-write` and `authenticated-read` \
          (CloudFormation `PublicRead`, `PublicReadWrite`, `AuthenticatedRead`), and explicit grants \
          to the `http://acs.amazonaws.com/groups/global/AllUsers` or `.../AuthenticatedUsers` \
          groups, open the bucket to anyone on the internet or to anyone with any AWS account. \
          `AuthenticatedUsers` is not "users of my account": it is every AWS customer. Write access \
          (`public-read-write`, `WRITE`, `WRITE_ACP`, `FULL_CONTROL`) and read access are both \
          critical; the message names the access. When the bucket's public-access block (or the \
          account's) sets both `block_public_acls` and `ignore_public_acls`, S3 refuses or ignores \
          the ACL: the finding stays (the ACL is one setting away from public) and says so.
          """)
      .remediation("""
          use the `private` ACL, or better, disable ACLs with object ownership \
          `BucketOwnerEnforced`, grant access through a bucket policy naming the principals, and \
          turn on the public-access block.
          """)
      .noncompliant("hcl", """
          resource "aws_s3_bucket_acl" "site" {
            bucket = aws_s3_bucket.site.id
            acl    = "public-read"
          }
          """)
      .compliant("hcl", """
          resource "aws_s3_bucket_ownership_controls" "site" {
            bucket = aws_s3_bucket.site.id
            rule { object_ownership = "BucketOwnerEnforced" }
          }
          """)
      .references("https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl",
          "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html")
      .build();

  /** Canned ACLs, lower-cased without separators, and whether they allow writing. */
  private static final Map<String, Boolean> CANNED = Map.of(
      "publicread", false, "publicreadwrite", true, "authenticatedread", false);
  private static final String GROUPS = "http://acs.amazonaws.com/groups/global/";

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    BucketIndex buckets = new BucketIndex(context.model());
    for (Resource r : context.model().ofType("aws_s3_bucket")) {
      Reporter rep = new Reporter(r, r, buckets.blocksFor(r, null), sink);
      r.body().get("acl").ifPresent(rep::canned);
      for (Value.ObjectValue g : r.body().blocks("grant")) {
        rep.grant(g.get("type").orElse(null), g.get("uri").orElse(null), g.get("permissions").orElse(null));
      }
    }
    for (Resource r : context.model().ofType("aws_s3_bucket_acl")) {
      Value target = r.body().get("bucket").orElse(null);
      Resource bucket = buckets.bucket(r, target).orElse(null);
      Reporter rep = new Reporter(r, bucket, buckets.blocksFor(r, target), sink);
      r.body().get("acl").ifPresent(rep::canned);
      for (Value.ObjectValue acp : r.body().blocks("access_control_policy")) {
        for (Value.ObjectValue g : acp.blocks("grant")) {
          for (Value.ObjectValue grantee : g.blocks("grantee")) {
            rep.grant(grantee.get("type").orElse(null), grantee.get("uri").orElse(null), g.get("permission").orElse(null));
          }
        }
      }
    }
    // The terraform-aws-modules/s3-bucket module passes its acl input to aws_s3_bucket_acl.
    for (Resource m : context.model().resources()) {
      if (m.kind().equals("module") && m.body().string("source").map(s -> s.contains("terraform-aws-modules/s3-bucket")).orElse(false)) {
        m.body().get("acl").ifPresent(new Reporter(m, null, List.of(), sink)::canned);
      }
    }
    for (Resource r : context.model().ofType("AWS::S3::Bucket")) {
      Reporter rep = new Reporter(r, r, buckets.blocksFor(r, null), sink);
      r.body().get("AccessControl").ifPresent(rep::canned);
    }
  }

  /** Reports the public grants of one ACL. */
  private record Reporter(Resource owner, Resource bucket, List<BucketIndex.AccessBlock> blocks, FindingSink sink) {
    void canned(Value acl) {
      for (Value v : options(acl)) {
        Optional<String> s = v.scalar();
        if (s.isEmpty()) continue;
        Boolean write = CANNED.get(s.get().toLowerCase(Locale.ROOT).replace("-", "").replace("_", ""));
        if (write == null) continue;
        String who = s.get().toLowerCase(Locale.ROOT).startsWith("auth") ? "every authenticated AWS user" : "everyone";
        report(v.range(), "canned ACL \"" + s.get() + "\" grants " + who + (write ? " read and write" : " read") + " access",
            write, s.get());
      }
    }

    void grant(Value type, Value uri, Value permissions) {
      if (uri == null || type == null) return;
      if (!type.scalar().map("Group"::equalsIgnoreCase).orElse(false)) return;
      Optional<String> u = uri.scalar();
      if (u.isEmpty() || !u.get().startsWith(GROUPS)) return;
      String group = u.get().substring(GROUPS.length());
      if (!group.equals("AllUsers") && !group.equals("AuthenticatedUsers")) return;
      List<String> perms = new ArrayList<>();
      if (permissions != null) {
        for (Value v : permissions.elements()) for (Value o : options(v)) o.scalar().ifPresent(perms::add);
      }
      boolean write = perms.stream().anyMatch(p -> !p.equalsIgnoreCase("READ") && !p.equalsIgnoreCase("READ_ACP"));
      String who = group.equals("AllUsers") ? "everyone (AllUsers)" : "every authenticated AWS user (AuthenticatedUsers)";
      report(uri.range(), "ACL grants " + who + " " + (perms.isEmpty() ? "access" : String.join(", ", perms)),
          write, group + " " + String.join(",", perms));
    }

    private void report(SourceRange at, String what, boolean write, String evidence) {
      boolean blocked = BucketIndex.allEnabled(blocks, "block_public_acls", "ignore_public_acls");
      String on = bucket != null && !bucket.equals(owner) ? " on bucket " + bucket.displayName() : "";
      String message = owner.displayName() + ": " + what + on
          + (blocked ? "; not effectively public: the public-access block sets block_public_acls and ignore_public_acls" : "");
      List<Finding.Related> related = new ArrayList<>();
      if (bucket != null && !bucket.equals(owner)) related.add(new Finding.Related("bucket " + bucket.displayName(), bucket.headRange()));
      if (blocked) {
        for (BucketIndex.AccessBlock b : blocks) related.add(new Finding.Related("public-access block " + b.owner().displayName(), b.at()));
      }
      sink.report(new Finding(METADATA, METADATA.severity(), message, at, owner.address(), evidence, related));
    }
  }

  /** Both branches of a conditional: a branch that is certainly public is reported. */
  private static List<Value> options(Value v) {
    if (v instanceof Value.Conditional c) {
      List<Value> out = new ArrayList<>(options(c.whenTrue()));
      out.addAll(options(c.whenFalse()));
      return out;
    }
    return List.of(v);
  }
}
