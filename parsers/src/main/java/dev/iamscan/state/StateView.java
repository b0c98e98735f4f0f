package dev.iamscan.state;

import dev.iamscan.iam.BucketIndex;
import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed state of a resource model beside its IAM view: account settings, trails, instances,
 * credentials, bucket ACLs and permissions, the same whatever format they were written in. One
 * adapter per format ({@link TerraformStateAdapter}, {@link CloudFormationStateAdapter}) fills it;
 * rules read only these records. Every field keeps where it was written and whether it is known.
 * Lists are in scan order and cannot be modified.
 */
public final class StateView {
  final List<PasswordPolicy> passwordPolicies = new ArrayList<>();
  final List<Trail> trails = new ArrayList<>();
  final List<LoginProfile> loginProfiles = new ArrayList<>();
  final List<AccessKey> accessKeys = new ArrayList<>();
  final List<ResourcePermission> permissions = new ArrayList<>();
  final List<Organization> organizations = new ArrayList<>();
  final List<AccessAnalyzer> analyzers = new ArrayList<>();
  final List<MfaDevice> mfaDevices = new ArrayList<>();
  final List<InstanceProfile> instanceProfiles = new ArrayList<>();
  final List<Instance> instances = new ArrayList<>();
  final List<LaunchTemplate> launchTemplates = new ArrayList<>();
  final List<BucketAcl> bucketAcls = new ArrayList<>();
  final List<BucketIndex.AccessBlock> accessBlocks = new ArrayList<>();
  final List<ModuleAccessSetting> moduleAccessSettings = new ArrayList<>();
  final Map<Resource, OidcProvider> oidcProviders = new IdentityHashMap<>();
  final List<SearchDomain> searchDomains = new ArrayList<>();
  final List<ReadablePlace> readablePlaces = new ArrayList<>();
  final List<UnreadModule> unreadModules = new ArrayList<>();
  /** Set once the adapters have read every bucket and public-access block. */
  BucketIndex buckets;

  private StateView() {}

  /** Reads the typed state of a model, each resource by the adapter of its format. */
  public static StateView build(ResourceModel model) {
    StateView v = new StateView();
    TerraformStateAdapter tf = new TerraformStateAdapter(model, v);
    CloudFormationStateAdapter cfn = new CloudFormationStateAdapter(model, v);
    for (Resource r : model.resources()) {
      if (r.format() == Format.CLOUDFORMATION) cfn.read(r);
      else tf.read(r);
    }
    List<BucketIndex.Bucket> buckets = new ArrayList<>(tf.buckets());
    buckets.addAll(cfn.buckets());
    List<BucketIndex.AccessBlock> blocks = new ArrayList<>(tf.accessBlocks());
    blocks.addAll(cfn.accessBlocks());
    v.buckets = new BucketIndex(model, buckets, blocks);
    v.accessBlocks.addAll(blocks);
    tf.link();
    cfn.link();
    return v;
  }

  public List<PasswordPolicy> passwordPolicies() {
    return Collections.unmodifiableList(passwordPolicies);
  }

  public List<Trail> trails() {
    return Collections.unmodifiableList(trails);
  }

  /** Console passwords given to users. */
  public List<LoginProfile> loginProfiles() {
    return Collections.unmodifiableList(loginProfiles);
  }

  public List<AccessKey> accessKeys() {
    return Collections.unmodifiableList(accessKeys);
  }

  /** Permissions added to resource policies one statement at a time (Lambda permissions). */
  public List<ResourcePermission> permissions() {
    return Collections.unmodifiableList(permissions);
  }

  public List<Organization> organizations() {
    return Collections.unmodifiableList(organizations);
  }

  public List<AccessAnalyzer> analyzers() {
    return Collections.unmodifiableList(analyzers);
  }

  public List<MfaDevice> mfaDevices() {
    return Collections.unmodifiableList(mfaDevices);
  }

  public List<InstanceProfile> instanceProfiles() {
    return Collections.unmodifiableList(instanceProfiles);
  }

  /** EC2 instances and launch configurations. */
  public List<Instance> instances() {
    return Collections.unmodifiableList(instances);
  }

  public List<LaunchTemplate> launchTemplates() {
    return Collections.unmodifiableList(launchTemplates);
  }

  public List<BucketAcl> bucketAcls() {
    return Collections.unmodifiableList(bucketAcls);
  }

  /** Which bucket a policy, ACL or public-access block of the scan applies to. */
  public BucketIndex buckets() {
    return buckets;
  }

  /** Public-access blocks, bucket and account level. */
  public List<BucketIndex.AccessBlock> accessBlocks() {
    return Collections.unmodifiableList(accessBlocks);
  }

  /** Public-access settings passed to a bucket module as inputs. */
  public List<ModuleAccessSetting> moduleAccessSettings() {
    return Collections.unmodifiableList(moduleAccessSettings);
  }

  /**
   * What each format calls the resources of a concern ({@code AccessAnalyzer.class}), for messages
   * about one that is missing; a concern a format cannot express has no name in it.
   */
  public static List<String> typeNames(Class<?> concern) {
    List<String> names = new ArrayList<>();
    String tf = TerraformStateAdapter.TYPE_NAMES.get(concern);
    if (tf != null) names.add(tf);
    String cfn = CloudFormationStateAdapter.TYPE_NAMES.get(concern);
    if (cfn != null) names.add(cfn);
    return names;
  }

  /** Places whose content others can read, with the access keys their content uses. */
  public List<ReadablePlace> readablePlaces() {
    return Collections.unmodifiableList(readablePlaces);
  }

  /** Module calls whose remote module the scan did not read. */
  public List<UnreadModule> unreadModules() {
    return Collections.unmodifiableList(unreadModules);
  }

  /** OpenSearch and Elasticsearch domains. */
  public List<SearchDomain> searchDomains() {
    return Collections.unmodifiableList(searchDomains);
  }

  /** The search domain a resource of the scan is, when it is one. */
  public Optional<SearchDomain> searchDomain(Resource r) {
    for (SearchDomain d : searchDomains) if (d.owner() == r) return Optional.of(d);
    return Optional.empty();
  }

  /**
   * The search domain of the scan named by {@code written} in {@code from}: a reference to it, or
   * its literal name in the same scope.
   */
  public Optional<SearchDomain> searchDomain(ResourceModel model, Resource from, Value written) {
    if (written == null) return Optional.empty();
    for (Value v : written.elements()) {
      if (v instanceof Value.Reference ref) {
        Optional<Resource> t = model.resolve(from, ref);
        if (t.isPresent()) return searchDomain(t.get());
      }
      Optional<String> name = v.scalar();
      if (name.isPresent()) {
        for (SearchDomain d : searchDomains) {
          if (d.owner().scope().equals(from.scope())
              && d.name().value().flatMap(Value::scalar).map(name.get()::equals).orElse(false)) {
            return Optional.of(d);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The OIDC provider a resource of the scan is, when it is one. */
  public Optional<OidcProvider> oidcProvider(Resource r) {
    return Optional.ofNullable(oidcProviders.get(r));
  }

  /**
   * A public-access setting given to a module that creates a bucket and its block: the module
   * applies its own defaults to settings it is not given, so only what is written counts.
   */
  public record ModuleAccessSetting(Resource module, BucketIndex.PublicAccessSetting which, dev.iamscan.model.Value.Field field) {}
}
