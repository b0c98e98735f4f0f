package dev.iamscan.rules.exposure;

import static dev.iamscan.iam.BucketIndex.PublicAccessSetting.IGNORE_PUBLIC_ACLS;

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
import dev.iamscan.state.BucketAcl;
import dev.iamscan.state.StateView;
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
          critical; the message names the access.

          An ACL that S3 ignores is not public and is not reported: when the bucket's public-access \
          block, or an account-level block of the same deployment, certainly sets \
          `ignore_public_acls` (`IgnorePublicAcls`), S3 ignores every public ACL on the bucket and \
          its objects. That setting alone decides: `block_public_acls` only refuses new public ACLs \
          and leaves one already in place in force. The ACL comes back if the block is turned off, \
          which IAM022 reports. A setting whose value is not known hides nothing, and neither does \
          a block that the defaults switch off unless the bucket is switched off with it: the \
          finding then says under which values the block would exist.
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
    for (BucketAcl acl : context.state().bucketAcls()) {
      // S3 ignores public ACLs on this bucket.
      if (BucketIndex.allEnabled(context.state().buckets().existingWith(acl.blocks(), acl.owner()), IGNORE_PUBLIC_ACLS)
          || moduleIgnoresPublicAcls(context, acl)) continue;
      Reporter rep = new Reporter(acl.owner(), acl.bucket(), sink, context.state().buckets().onlyWhen(acl.blocks(), acl.owner(), IGNORE_PUBLIC_ACLS));
      acl.canned().value().ifPresent(rep::canned);
      for (BucketAcl.Grant g : acl.grants()) rep.grant(g.type(), g.uri(), g.permissions());
    }
  }

  /** Reports the public grants of one ACL. */
  private record Reporter(Resource owner, Resource bucket, FindingSink sink, String unless) {
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
      String on = bucket != null && !bucket.equals(owner) ? " on bucket " + bucket.displayName() : "";
      String message = owner.displayName() + ": " + what + on + unless;
      List<Finding.Related> related = new ArrayList<>();
      if (bucket != null && !bucket.equals(owner)) related.add(new Finding.Related("bucket " + bucket.displayName(), bucket.headRange()));
      sink.report(new Finding(METADATA, METADATA.severity(), message, at, owner.address(), evidence, related));
    }
  }

  /** A bucket module given {@code ignore_public_acls = true}, which it passes to the bucket's block. */
  private static boolean moduleIgnoresPublicAcls(ScanContext context, BucketAcl acl) {
    for (StateView.ModuleAccessSetting m : context.state().moduleAccessSettings()) {
      if (m.module() == acl.owner() && m.which() == IGNORE_PUBLIC_ACLS
          && m.field().value() instanceof Value.Bool b && b.value()) {
        return true;
      }
    }
    return false;
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
