package dev.iamscan.iam;

import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Links what protects or opens an S3 bucket to the bucket: bucket policies, ACLs and public-access
 * blocks name their bucket by reference ({@code aws_s3_bucket.site.id}, {@code !Ref Site}) or by its
 * literal name. Two attributes name the same bucket when they resolve to the same bucket resource, or
 * when neither resolves and they are the same name or the same reference.
 */
public final class BucketIndex {
  /** The four settings of a public-access block. */
  public enum PublicAccessSetting {
    BLOCK_PUBLIC_ACLS("block_public_acls"),
    BLOCK_PUBLIC_POLICY("block_public_policy"),
    IGNORE_PUBLIC_ACLS("ignore_public_acls"),
    RESTRICT_PUBLIC_BUCKETS("restrict_public_buckets");

    private final String terraformName;

    PublicAccessSetting(String terraformName) {
      this.terraformName = terraformName;
    }

    /** The Terraform name, which messages use when they speak of the setting in general. */
    public String label() {
      return terraformName;
    }

    /** The name in a format: {@code block_public_acls} / {@code BlockPublicAcls}. */
    public String nameIn(Format format) {
      return format == Format.CLOUDFORMATION ? cloudFormationName(terraformName) : terraformName;
    }
  }

  private static final String TF_BUCKET = "aws_s3_bucket";
  private static final String CFN_BUCKET = "AWS::S3::Bucket";
  private static final String TF_BLOCK = "aws_s3_bucket_public_access_block";
  private static final String TF_ACCOUNT_BLOCK = "aws_s3_account_public_access_block";

  private final ResourceModel model;
  private final List<AccessBlock> blocks = new ArrayList<>();

  public BucketIndex(ResourceModel model) {
    this.model = model;
    for (Resource r : model.ofType(TF_BLOCK)) blocks.add(new AccessBlock(r, false, r.body(), r.headRange()));
    for (Resource r : model.ofType(TF_ACCOUNT_BLOCK)) blocks.add(new AccessBlock(r, true, r.body(), r.headRange()));
    for (Resource r : model.ofType(CFN_BUCKET)) {
      r.body().field("PublicAccessBlockConfiguration").ifPresent(f -> {
        if (f.value() instanceof Value.ObjectValue o) blocks.add(new AccessBlock(r, false, o, f.keyRange()));
      });
    }
  }

  /**
   * A public-access block as declared: a Terraform bucket or account block, or a CloudFormation
   * bucket's {@code PublicAccessBlockConfiguration}.
   *
   * @param owner the resource that declares it
   * @param accountLevel whether it applies to every bucket of the account
   * @param settings the block body or configuration object
   * @param at where a finding about the block as a whole points
   */
  public record AccessBlock(Resource owner, boolean accountLevel, Value.ObjectValue settings, SourceRange at) {
    /** The field of a setting, when written. */
    public Optional<Value.Field> field(PublicAccessSetting setting) {
      return settings.field(nameOf(setting));
    }

    /**
     * Whether a setting is on. An absent setting of a declared block is off: Terraform sends false
     * for it and S3 replaces the whole configuration, and CloudFormation does the same for a declared
     * configuration. Empty when the value is not known.
     */
    public Optional<Boolean> enabled(PublicAccessSetting setting) {
      Optional<Value.Field> f = field(setting);
      if (f.isEmpty()) return Optional.of(false);
      Value v = f.get().value();
      if (v instanceof Value.Null) return Optional.of(false);
      if (v instanceof Value.Bool b) return Optional.of(b.value());
      if (v instanceof Value.Text t) {
        String s = t.value().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true")) return Optional.of(true);
        if (s.equals("false")) return Optional.of(false);
      }
      return Optional.empty();
    }

    /** The name a setting has in this block's format. */
    public String nameOf(PublicAccessSetting setting) {
      return setting.nameIn(owner.format());
    }
  }

  static String cloudFormationName(String setting) {
    StringBuilder b = new StringBuilder();
    for (String part : setting.split("_")) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    return b.toString();
  }

  /** Every public-access block of the scan. */
  public List<AccessBlock> accessBlocks() {
    return blocks;
  }

  /** The bucket resource an attribute written in {@code from} names, when it is in the scan. */
  public Optional<Resource> bucket(Resource from, Value written) {
    if (written == null) return Optional.empty();
    if (written instanceof Value.Reference ref) {
      return model.resolve(from, ref).filter(BucketIndex::isBucket);
    }
    Optional<String> name = written.scalar();
    if (name.isEmpty()) return Optional.empty();
    for (String type : List.of(TF_BUCKET, CFN_BUCKET)) {
      for (Resource b : model.ofType(type)) {
        if (b.scope().equals(from.scope()) && nameOf(b).map(name.get()::equals).orElse(false)) return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /** The bucket a bucket policy protects: the bucket it is written on, or the one it names. */
  public Optional<Resource> bucketOf(ResourcePolicy policy) {
    if (policy.target() == null) return isBucket(policy.owner()) ? Optional.of(policy.owner()) : Optional.empty();
    return bucket(policy.owner(), policy.target());
  }

  /**
   * The public-access blocks that apply to the bucket named by {@code written} in {@code from}
   * (null: {@code from} is the bucket): the bucket's own block and the account blocks of the scope.
   */
  public List<AccessBlock> blocksFor(Resource from, Value written) {
    Optional<String> key = written == null ? Optional.of(resourceKey(from)) : key(from, written);
    List<AccessBlock> out = new ArrayList<>();
    for (AccessBlock b : blocks) {
      if (!b.owner().scope().equals(from.scope())) continue;
      if (b.accountLevel()) {
        out.add(b);
      } else if (key.isPresent()) {
        Optional<String> other = b.owner().format() == Format.CLOUDFORMATION
            ? Optional.of(resourceKey(b.owner()))
            : b.owner().body().get("bucket").flatMap(v -> key(b.owner(), v));
        if (other.equals(key)) out.add(b);
      }
    }
    return out;
  }

  /** Whether, across {@code blocks}, every one of {@code settings} is certainly on in some block. */
  public static boolean allEnabled(List<AccessBlock> blocks, PublicAccessSetting... settings) {
    for (PublicAccessSetting s : settings) {
      if (blocks.stream().noneMatch(b -> b.enabled(s).orElse(false))) return false;
    }
    return true;
  }

  /** A key equal for two attributes that name the same bucket. */
  private Optional<String> key(Resource from, Value written) {
    if (written instanceof Value.Reference ref) {
      Optional<Resource> target = model.resolve(from, ref);
      if (target.isPresent()) return Optional.of(resourceKey(target.get()));
      return Optional.of("ref\u0000" + from.scope() + "\u0000" + ref.target());
    }
    Optional<Resource> byName = bucket(from, written);
    if (byName.isPresent()) return Optional.of(resourceKey(byName.get()));
    return written.scalar().map(n -> "name\u0000" + n);
  }

  private static String resourceKey(Resource r) {
    return "res\u0000" + r.scope() + "\u0000" + r.address();
  }

  private static boolean isBucket(Resource r) {
    return r.type().equals(TF_BUCKET) || r.type().equals(CFN_BUCKET);
  }

  /** The literal name of a bucket resource, when written. */
  static Optional<String> nameOf(Resource bucket) {
    return bucket.body().string(bucket.format() == Format.CLOUDFORMATION ? "BucketName" : "bucket");
  }
}
