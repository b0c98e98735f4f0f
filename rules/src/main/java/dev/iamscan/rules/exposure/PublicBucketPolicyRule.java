package dev.iamscan.rules.exposure;

import static dev.iamscan.iam.BucketIndex.PublicAccessSetting.RESTRICT_PUBLIC_BUCKETS;

import dev.iamscan.iam.BucketIndex;
import dev.iamscan.iam.ResourcePolicy;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.support.PolicyMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An S3 bucket policy statement that allows anyone, without a condition that pins the caller. */
public final class PublicBucketPolicyRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM020", "public-bucket-policy")
      .category(Category.PUBLIC_BUCKET).severity(Severity.CRITICAL).precision(RuleMetadata.Precision.HIGH)
      .summary("S3 bucket policy allows anyone")
      .description("""
          A bucket policy statement with `Effect: Allow` and `Principal: "*"` (also `{"AWS": "*"}`, \
          `{"AWS": ["*"]}`, or `principals { type = "*" }` in a policy document) lets every AWS \
          account and anonymous callers on the internet use the bucket. Statements that may write, \
          delete, restore or change the bucket's ACL or policy (`s3:Put*`, `s3:Delete*`, `s3:*`, \
          `*`, `s3:*Object`, `NotAction`) and statements that only read or list (`s3:Get*`, \
          `s3:List*`) are both critical: public reading hands every object to the internet. The \
          message names what the statement allows.

          A statement is not public when a condition pins the caller or the request with a fixed \
          value: `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`, `aws:PrincipalAccount`, \
          `aws:PrincipalArn`, `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOwner`, \
          `aws:SourceVpc`, `aws:SourceVpce`, `aws:SourceIp`, `aws:userid`. Negated operators \
          (`StringNotEquals`), `...IfExists` operators and `*` values do not pin anything. `Deny` \
          statements (such as TLS-only policies) are never reported.

          A public grant that S3 ignores is not public and is not reported: when the bucket's \
          public-access block, or an account-level block of the same deployment \
          (`aws_s3_account_public_access_block`), certainly sets `restrict_public_buckets` \
          (`RestrictPublicBuckets`), only AWS services and users of the bucket owner's account can \
          use the grants of a public policy; anonymous and cross-account callers cannot. That \
          setting alone decides: `block_public_policy` only refuses a new public policy and leaves \
          one already in place in force. The grant comes back if the block is turned off, which \
          IAM022 reports. A setting whose value is not known (a variable without a default, a \
          condition) hides nothing, and neither does a block that the defaults switch off \
          (`count = var.block ? 1 : 0` with a default of false) unless the bucket is switched off \
          with it: the finding then says under which values the block would exist. A statement that exists only in one branch of a CloudFormation \
          `Fn::If` is reported, naming the condition and what it is with the parameter defaults.
          """)
      .remediation("""
          name the accounts or roles that need access as principals, or add a condition such as \
          `aws:PrincipalOrgID`. Serve public websites through CloudFront with origin access control \
          instead of a public bucket, and turn on all four public-access block settings.
          """)
      .noncompliant("hcl", """
          resource "aws_s3_bucket_policy" "site" {
            bucket = aws_s3_bucket.site.id
            policy = jsonencode({
              Version   = "2012-10-17"
              Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject",
                             Resource = "${aws_s3_bucket.site.arn}/*" }]
            })
          }
          """)
      .compliant("hcl", """
          resource "aws_s3_bucket_policy" "site" {
            bucket = aws_s3_bucket.site.id
            policy = jsonencode({
              Version   = "2012-10-17"
              Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject",
                             Resource = "${aws_s3_bucket.site.arn}/*",
                             Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } } }]
            })
          }
          """)
      .references("https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html")
      .build();

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    BucketIndex buckets = context.state().buckets();
    for (ResourcePolicy policy : context.iam().resourcePolicies()) {
      if (!policy.isBucketPolicy()) continue;
      Optional<Resource> bucket = buckets.bucketOf(policy);
      // S3 ignores a public policy's grants to anonymous and cross-account callers here.
      List<BucketIndex.AccessBlock> blocks = buckets.blocksFor(policy.owner(), policy.target());
      if (BucketIndex.allEnabled(buckets.existingWith(blocks, policy.owner()), RESTRICT_PUBLIC_BUCKETS)) continue;
      String unless = buckets.onlyWhen(blocks, policy.owner(), RESTRICT_PUBLIC_BUCKETS);
      for (PolicyStatement s : policy.document().statements()) {
        PublicGrant.of(s).ifPresent(g -> sink.report(finding(policy, g, bucket, unless)));
      }
    }
  }

  private static Finding finding(ResourcePolicy policy, PublicGrant g, Optional<Resource> bucket, String unless) {
    String on = bucket.filter(b -> !b.equals(policy.owner())).map(b -> " on bucket " + b.displayName()).orElse("");
    String message = "Bucket policy of %s %s allows anyone (%s) %s%s".formatted(policy.owner().displayName(),
        g.statement().label(), g.principalText(), g.action(), on);
    message += underCondition(policy.owner(), g.statement()) + unless;
    List<Finding.Related> related = new ArrayList<>();
    bucket.filter(b -> !b.equals(policy.owner())).ifPresent(b -> related.add(new Finding.Related("bucket " + b.displayName(), b.headRange())));
    related.addAll(PolicyMessages.related(policy));
    return new Finding(METADATA, METADATA.severity(), message, g.principal().range(), policy.owner().address(),
        "Principal * " + g.action(), related);
  }

  /**
   * When the statement exists only under a condition (a branch of a conditional value, such as
   * CloudFormation's {@code Fn::If}): which one, and its outcome with the parameter defaults, so
   * that a reviewer sees whether the default deployment is public.
   */
  static String underCondition(Resource owner, PolicyStatement s) {
    List<String> parts = new ArrayList<>();
    branch(owner.body(), s.range(), parts, 0);
    return parts.isEmpty() ? "" : "; " + String.join("; ", parts);
  }

  /** The Fn::If branches that hold {@code statement}, outermost first. */
  private static void branch(Value v, SourceRange statement, List<String> out, int depth) {
    if (depth > 64) return;
    if (v instanceof Value.Conditional c) {
      for (boolean side : new boolean[] {true, false}) {
        Value b = side ? c.whenTrue() : c.whenFalse();
        if (!holds(b, statement)) continue;
        String other = (side ? c.whenFalse() : c.whenTrue()) instanceof Value.Null ? "only " : "";
        String byDefault = c.byDefault() == null ? "its outcome is not known from the defaults"
            : "with the parameter defaults it is " + c.byDefault() + (c.byDefault() == side ? ", so it applies by default" : ", so it does not apply by default");
        out.add("the statement applies %swhen condition %s is %s (%s)".formatted(other, c.condition(), side, byDefault));
        branch(b, statement, out, depth + 1);
      }
    } else if (v instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) branch(f.value(), statement, out, depth + 1);
    } else if (v instanceof Value.ListValue l) {
      for (Value item : l.items()) branch(item, statement, out, depth + 1);
    }
  }

  /** Whether a value written somewhere holds the statement's range. */
  private static boolean holds(Value v, SourceRange statement) {
    SourceRange r = v.range();
    if (!r.file().equals(statement.file())) return false;
    boolean startsAfter = r.startLine() < statement.startLine()
        || (r.startLine() == statement.startLine() && r.startColumn() <= statement.startColumn());
    boolean endsBefore = r.endLine() > statement.endLine()
        || (r.endLine() == statement.endLine() && r.endColumn() >= statement.endColumn());
    return startsAfter && endsBefore;
  }
}
