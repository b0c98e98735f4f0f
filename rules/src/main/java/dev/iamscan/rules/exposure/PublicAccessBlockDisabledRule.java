package dev.iamscan.rules.exposure;

import dev.iamscan.iam.BucketIndex;
import dev.iamscan.model.Resource;
import dev.iamscan.model.Value;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.state.StateView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A declared S3 public-access block that turns a setting off, explicitly or by leaving it out. */
public final class PublicAccessBlockDisabledRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM022", "public-access-block-disabled")
      .category(Category.PUBLIC_BUCKET).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.HIGH)
      .summary("S3 public-access block setting is turned off")
      .description("""
          S3 Block Public Access is the guard rail that stops a public bucket policy or ACL from \
          taking effect. A bucket-level block (`aws_s3_bucket_public_access_block`, CloudFormation \
          `PublicAccessBlockConfiguration`) or the account-level block \
          (`aws_s3_account_public_access_block`) with `block_public_acls`, `block_public_policy`, \
          `ignore_public_acls` or `restrict_public_buckets` set to false lets the next mistaken \
          policy or ACL expose the data.

          A setting left out of a declared block is off as well: Terraform sends `false` for it, and \
          S3 replaces the whole configuration with what is declared (CloudFormation does the same \
          for a declared `PublicAccessBlockConfiguration`). Such a block is reported at the block. A \
          bucket that declares no block at all is not reported: since April 2023 S3 turns all four \
          settings on for new buckets. Settings that come from unresolved variables are not guessed. \
          The `terraform-aws-modules/s3-bucket` module is checked for settings it is explicitly \
          given as false.
          """)
      .remediation("""
          set all four settings to `true`. Where a bucket must serve public content, serve it \
          through CloudFront with origin access control instead.
          """)
      .noncompliant("hcl", """
          resource "aws_s3_bucket_public_access_block" "site" {
            bucket             = aws_s3_bucket.site.id
            block_public_acls  = true
            ignore_public_acls = false
          }
          """)
      .compliant("hcl", """
          resource "aws_s3_bucket_public_access_block" "site" {
            bucket                  = aws_s3_bucket.site.id
            block_public_acls       = true
            block_public_policy     = true
            ignore_public_acls      = true
            restrict_public_buckets = true
          }
          """)
      .references("https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
          "https://docs.aws.amazon.com/AmazonS3/latest/userguide/create-bucket-faq.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (BucketIndex.AccessBlock block : context.state().accessBlocks()) {
      Resource owner = block.owner();
      String which = block.accountLevel() ? "account public-access block " : "public-access block of ";
      List<String> absent = new ArrayList<>();
      for (BucketIndex.PublicAccessSetting setting : BucketIndex.PublicAccessSetting.values()) {
        Optional<Boolean> on = block.enabled(setting);
        if (on.isEmpty() || on.get()) continue;
        Optional<Value.Field> f = block.field(setting);
        if (f.isPresent() && !(f.get().value() instanceof Value.Null)) {
          sink.report(new Finding(METADATA, METADATA.severity(),
              "%s%s sets %s to false".formatted(which, owner.displayName(), block.nameOf(setting)),
              f.get().range(), owner.address(), block.nameOf(setting) + " = false", List.of()));
        } else {
          absent.add(block.nameOf(setting));
        }
      }
      if (!absent.isEmpty()) {
        sink.report(new Finding(METADATA, METADATA.severity(),
            "%s%s leaves out %s, which is then off".formatted(which, owner.displayName(), String.join(", ", absent)),
            block.at(), owner.address(), "absent " + String.join(",", absent), List.of()));
      }
    }
    for (StateView.ModuleAccessSetting m : context.state().moduleAccessSettings()) {
      Value.Field f = m.field();
      boolean off = f.value() instanceof Value.Bool b ? !b.value()
          : f.value() instanceof Value.Text t && t.value().trim().equalsIgnoreCase("false");
      if (off) {
        sink.report(new Finding(METADATA, METADATA.severity(),
            "module %s sets %s to false".formatted(m.module().displayName(), f.key()),
            f.range(), m.module().address(), f.key() + " = false", List.of()));
      }
    }
  }
}
