package dev.iamscan.iam;

import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links what protects or opens an S3 bucket to the bucket: bucket policies, ACLs and public-access
 * blocks name their bucket by reference ({@code aws_s3_bucket.site.id}, {@code !Ref Site}) or by its
 * literal name. Two attributes name the same bucket when they resolve to the same bucket resource, or
 * when neither resolves and they are the same name or the same reference. The buckets and blocks
 * come from the format adapters ({@code dev.iamscan.state}); this class knows no format.
 */
public final class BucketIndex {
  /** The four settings of a public-access block. */
  public enum PublicAccessSetting {
    BLOCK_PUBLIC_ACLS("block_public_acls"),
    BLOCK_PUBLIC_POLICY("block_public_policy"),
    IGNORE_PUBLIC_ACLS("ignore_public_acls"),
    RESTRICT_PUBLIC_BUCKETS("restrict_public_buckets");

    private final String label;

    PublicAccessSetting(String label) {
      this.label = label;
    }

    /** How messages name the setting in general (the S3 API's name in snake case). */
    public String label() {
      return label;
    }
  }

  /**
   * A bucket of the scan.
   *
   * @param name its literal name, when written
   */
  public record Bucket(Resource owner, Optional<String> name) {}

  /**
   * A public-access block as declared: a bucket's or the account's.
   *
   * @param owner the resource that declares it
   * @param accountLevel whether it applies to every bucket of the account
   * @param bucket the bucket it applies to as written; null when the owner is the bucket itself or
   *     the block is account level
   * @param settings the block body or configuration object
   * @param names what the format calls each setting
   * @param at where a finding about the block as a whole points
   */
  public record AccessBlock(Resource owner, boolean accountLevel, Value bucket, Value.ObjectValue settings,
      Map<PublicAccessSetting, String> names, SourceRange at) {
    public AccessBlock {
      names = Map.copyOf(names);
    }

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
      return names.get(setting);
    }
  }

  private final ResourceModel model;
  private final List<Bucket> buckets;
  private final List<AccessBlock> blocks;
  private final Set<Resource> bucketResources = Collections.newSetFromMap(new IdentityHashMap<>());

  public BucketIndex(ResourceModel model, List<Bucket> buckets, List<AccessBlock> blocks) {
    this.model = model;
    this.buckets = List.copyOf(buckets);
    this.blocks = List.copyOf(blocks);
    for (Bucket b : this.buckets) bucketResources.add(b.owner());
  }

  /** Every public-access block of the scan. */
  public List<AccessBlock> accessBlocks() {
    return blocks;
  }

  /** The bucket resource an attribute written in {@code from} names, when it is in the scan. */
  public Optional<Resource> bucket(Resource from, Value written) {
    if (written == null) return Optional.empty();
    if (written instanceof Value.Reference ref) {
      return model.resolve(from, ref).filter(this::isBucket);
    }
    Optional<String> name = written.scalar();
    if (name.isEmpty()) return Optional.empty();
    for (Bucket b : buckets) {
      if (b.owner().scope().equals(from.scope()) && b.name().map(name.get()::equals).orElse(false)) return Optional.of(b.owner());
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
      if (b.accountLevel()) {
        if (sameAccount(b.owner(), from)) out.add(b);
        continue;
      }
      if (!b.owner().scope().equals(from.scope())) continue;
      if (key.isPresent()) {
        Optional<String> other = b.bucket() == null ? Optional.of(resourceKey(b.owner())) : key(b.owner(), b.bucket());
        if (other.equals(key)) out.add(b);
      }
    }
    return out;
  }

  /**
   * Whether an account-level block certainly applies to the account of {@code bucket}: both are
   * deployed by the same root module (the block or the bucket may come from a module that root
   * calls) with its default provider. A provider chosen by the resource or handed to a module call
   * may be another account's, so a block or bucket that names one counts only in its own scope.
   */
  private boolean sameAccount(Resource block, Resource bucket) {
    if (block.scope().equals(bucket.scope())) return true;
    if (!rootScope(block).equals(rootScope(bucket))) return false;
    return defaultProvider(block) && defaultProvider(bucket);
  }

  private static String rootScope(Resource r) {
    return r.moduleCalls().isEmpty() ? r.scope() : r.moduleCalls().get(0).callerScope();
  }

  /** Neither the resource nor a module call leading to it chooses a provider configuration. */
  private boolean defaultProvider(Resource r) {
    if (r.attributes().has("provider")) return false;
    for (dev.iamscan.model.ModuleCall c : r.moduleCalls()) {
      Optional<Resource> call = model.lookup(c.callerScope(), c.callName());
      if (call.isEmpty() || call.get().attributes().has("providers")) return false;
    }
    return true;
  }

  /**
   * The blocks that exist whenever {@code subject} does: a block its defaults switch off (a
   * variable's default, a condition false with the parameter defaults) protects nothing as
   * deployed by default, unless it exists under the very condition of the subject.
   */
  public List<AccessBlock> existingWith(List<AccessBlock> blocks, Resource subject) {
    return blocks.stream().filter(b -> protects(b, subject)).toList();
  }

  /**
   * A bucket's block exists whenever its bucket does when it is the bucket's own setting, or is
   * switched off by the very condition that switches off the bucket: a policy or ACL on a bucket
   * that does not exist exposes nothing.
   */
  private boolean protects(AccessBlock b, Resource subject) {
    if (b.owner().existsWhenever(subject)) return true;
    if (b.accountLevel()) return false;
    if (b.bucket() == null) return true;
    Optional<Resource> bucket = bucket(b.owner(), b.bucket());
    return bucket.isPresent() && bucket.get().offByDefault() && b.owner().existsWhenever(bucket.get());
  }

  /**
   * For a message: when the blocks that exist whenever {@code subject} does leave some of
   * {@code settings} off, but all of them would be on with the blocks its defaults switch off,
   * under which values those exist ({@code "; a public-access block that would stop this exists
   * only when var.x = true"}); else empty.
   */
  public String onlyWhen(List<AccessBlock> blocks, Resource subject, PublicAccessSetting... settings) {
    if (!allEnabled(blocks, settings)) return "";
    java.util.Set<String> when = new java.util.LinkedHashSet<>();
    for (AccessBlock b : blocks) {
      if (protects(b, subject)) continue;
      boolean helps = false;
      for (PublicAccessSetting s : settings) helps |= b.enabled(s).orElse(false);
      if (helps) b.owner().appliesWhen().ifPresent(when::add);
    }
    if (when.isEmpty()) return "";
    return "; the public-access block that would stop this exists only when " + String.join(" or ", when);
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

  private boolean isBucket(Resource r) {
    return bucketResources.contains(r);
  }
}
