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
import dev.iamscan.state.StateView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
          for a declared `PublicAccessBlockConfiguration`). A block is reported once, naming every setting that is off, at the first one set to false (or at the block when they are left out). A \
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
    // One finding per block, naming every setting that is off: the block is fixed in one place.
    for (BucketIndex.AccessBlock block : context.state().accessBlocks()) {
      Resource owner = block.owner();
      String which = block.accountLevel() ? "account public-access block " : "public-access block of ";
      List<Value.Field> setFalse = new ArrayList<>();
      List<String> falseNames = new ArrayList<>();
      List<String> absent = new ArrayList<>();
      for (BucketIndex.PublicAccessSetting setting : BucketIndex.PublicAccessSetting.values()) {
        Optional<Boolean> on = block.enabled(setting);
        if (on.isEmpty() || on.get()) continue;
        Optional<Value.Field> f = block.field(setting);
        if (f.isPresent() && !(f.get().value() instanceof Value.Null)) {
          setFalse.add(f.get());
          falseNames.add(block.nameOf(setting));
        } else {
          absent.add(block.nameOf(setting));
        }
      }
      if (setFalse.isEmpty() && absent.isEmpty()) continue;
      List<String> parts = new ArrayList<>();
      if (!setFalse.isEmpty()) parts.add("sets " + String.join(", ", falseNames) + " to false");
      if (!absent.isEmpty()) {
        parts.add("leaves out " + String.join(", ", absent) + ", which " + (absent.size() == 1 ? "is" : "are") + " then off");
      }
      SourceRange at = setFalse.isEmpty() ? block.at() : setFalse.get(0).range();
      List<Finding.Related> related = new ArrayList<>();
      for (Value.Field f : setFalse.subList(Math.min(1, setFalse.size()), setFalse.size())) {
        related.add(new Finding.Related(f.key() + " set to false", f.range()));
      }
      List<String> evidence = new ArrayList<>();
      for (String n : falseNames) evidence.add(n + " = false");
      if (!absent.isEmpty()) evidence.add("absent " + String.join(",", absent));
      sink.report(new Finding(METADATA, METADATA.severity(),
          "%s%s %s".formatted(which, owner.displayName(), String.join(" and ", parts)),
          at, owner.address(), String.join("; ", evidence), related));
    }
    // A module call is one block too: one finding naming every setting it turns off.
    Map<SourceRange, List<Value.Field>> offByModule = new LinkedHashMap<>();
    Map<SourceRange, Resource> modules = new LinkedHashMap<>();
    for (StateView.ModuleAccessSetting m : context.state().moduleAccessSettings()) {
      Value.Field f = m.field();
      boolean off = f.value() instanceof Value.Bool b ? !b.value()
          : f.value() instanceof Value.Text t && t.value().trim().equalsIgnoreCase("false");
      if (!off) continue;
      modules.putIfAbsent(m.module().range(), m.module());
      offByModule.computeIfAbsent(m.module().range(), k -> new ArrayList<>()).add(f);
    }
    offByModule.forEach((range, off) -> {
      Resource module = modules.get(range);
      List<String> names = off.stream().map(Value.Field::key).toList();
      List<Finding.Related> related = new ArrayList<>();
      for (Value.Field f : off.subList(1, off.size())) related.add(new Finding.Related(f.key() + " set to false", f.range()));
      sink.report(new Finding(METADATA, METADATA.severity(),
          "module %s sets %s to false".formatted(module.displayName(), String.join(", ", names)),
          off.get(0).range(), module.address(), String.join(", ", names.stream().map(n -> n + " = false").toList()), related));
    });
  }
}
