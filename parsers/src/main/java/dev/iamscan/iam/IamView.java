package dev.iamscan.iam;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.Value;
import dev.iamscan.policy.PolicyDocument;
import dev.iamscan.policy.PolicyReader;
import dev.iamscan.policy.PolicyStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The IAM reading of a resource model, the same whatever format a resource came from: identity
 * policies with the identities they are attached to, trust policies, resource policies, managed
 * policy attachments and group memberships.
 */
public final class IamView {
  private final ResourceModel model;
  private final PolicyReader reader;
  private final List<IdentityPolicy> identityPolicies = new ArrayList<>();
  private final List<TrustPolicy> trustPolicies = new ArrayList<>();
  private final List<ResourcePolicy> resourcePolicies = new ArrayList<>();
  private final List<ManagedPolicyAttachment> managedAttachments = new ArrayList<>();
  private final List<ServiceControlPolicy> serviceControlPolicies = new ArrayList<>();
  private final List<UserAttachment> userAttachments = new ArrayList<>();
  /** user identity key → groups it belongs to */
  private final Map<String, Set<PrincipalRef>> groupsOfUser = new LinkedHashMap<>();
  private final List<PrincipalRef> principals = new ArrayList<>();
  /** identity key → positions in {@link #identityPolicies} of the policies that apply to it */
  private final Map<String, List<Integer>> policiesByIdentity = new java.util.HashMap<>();
  /** What rules derive from the whole view once per scan (the principal graph), by kind. */
  private final Map<Class<?>, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

  private IamView(ResourceModel model) {
    this.model = model;
    this.reader = new PolicyReader(model);
  }

  public static IamView build(ResourceModel model) {
    IamView v = new IamView(model);
    IamViewBuilder.build(v);
    v.index();
    return v;
  }

  public ResourceModel model() {
    return model;
  }

  /** The reader behind this view, for rules that must read a document the view does not list. */
  public PolicyReader reader() {
    return reader;
  }

  public List<IdentityPolicy> identityPolicies() {
    return java.util.Collections.unmodifiableList(identityPolicies);
  }

  public List<TrustPolicy> trustPolicies() {
    return java.util.Collections.unmodifiableList(trustPolicies);
  }

  public List<ResourcePolicy> resourcePolicies() {
    return java.util.Collections.unmodifiableList(resourcePolicies);
  }

  public List<ManagedPolicyAttachment> managedAttachments() {
    return java.util.Collections.unmodifiableList(managedAttachments);
  }

  /**
   * Warnings about the policy documents of the view (text that cannot be read as a policy, duplicate
   * keys): the scan reports them as diagnostics, so that no document is passed over in silence.
   */
  public List<Diagnostic> documentWarnings() {
    Set<Diagnostic> out = new LinkedHashSet<>();
    List<PolicyDocument> docs = new ArrayList<>();
    identityPolicies.forEach(p -> docs.add(p.document()));
    trustPolicies.forEach(p -> docs.add(p.document()));
    resourcePolicies.forEach(p -> docs.add(p.document()));
    serviceControlPolicies.forEach(p -> docs.add(p.document()));
    for (PolicyDocument d : docs) {
      for (Diagnostic p : d.problems()) {
        if (p.level() == Diagnostic.Level.WARNING) out.add(p);
      }
    }
    return List.copyOf(out);
  }

  /** Organizations service and resource control policies. */
  public List<ServiceControlPolicy> serviceControlPolicies() {
    return java.util.Collections.unmodifiableList(serviceControlPolicies);
  }

  /** Policies attached to users directly, one entry per user named. */
  public List<UserAttachment> userAttachments() {
    return java.util.Collections.unmodifiableList(userAttachments);
  }

  /** Users, groups and roles defined in the scan. */
  public List<PrincipalRef> principals() {
    return java.util.Collections.unmodifiableList(principals);
  }

  /** The groups a user of the scan belongs to. */
  public Set<PrincipalRef> groupsOf(PrincipalRef user) {
    return java.util.Collections.unmodifiableSet(groupsOfUser.getOrDefault(user.identity(), Set.of()));
  }

  /**
   * Every identity-policy statement that applies to an identity: its inline policies, customer
   * managed policies of the scan attached to it, and, for a user, those of its groups.
   */
  public List<Grant> grantsOf(PrincipalRef principal) {
    Set<String> identities = new LinkedHashSet<>();
    identities.add(principal.identity());
    if (principal.kind() == PrincipalKind.USER) {
      for (PrincipalRef g : groupsOf(principal)) identities.add(g.identity());
    }
    return grantsOf(identities);
  }

  /** The statements written on or attached to the identity itself: for a user, without its groups'. */
  public List<Grant> ownGrantsOf(PrincipalRef principal) {
    return grantsOf(Set.of(principal.identity()));
  }

  private List<Grant> grantsOf(Set<String> identities) {
    // Policies in scan order, each once, whichever identity or attachment brings it.
    java.util.TreeSet<Integer> positions = new java.util.TreeSet<>();
    for (String identity : identities) positions.addAll(policiesByIdentity.getOrDefault(identity, List.of()));
    List<Grant> out = new ArrayList<>();
    for (int i : positions) {
      IdentityPolicy p = identityPolicies.get(i);
      for (PolicyStatement s : p.document().statements()) out.add(new Grant(s, p));
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /**
   * Indexes which identity policies apply to which identity, once: written on it, or a customer
   * managed policy of the scan attached to it by a managed attachment. Rules ask per principal, so
   * a scan with many principals and policies must not compare every pair again for each one.
   */
  private void index() {
    Map<Resource, List<Integer>> byPolicyResource = new java.util.HashMap<>();
    for (int i = 0; i < identityPolicies.size(); i++) {
      IdentityPolicy p = identityPolicies.get(i);
      for (PrincipalRef a : p.attachedTo()) {
        policiesByIdentity.computeIfAbsent(a.identity(), k -> new ArrayList<>()).add(i);
      }
      if (p.managed()) byPolicyResource.computeIfAbsent(p.owner(), k -> new ArrayList<>()).add(i);
    }
    for (ManagedPolicyAttachment m : managedAttachments) {
      if (!(m.policy() instanceof Value.Reference r)) continue;
      Optional<Resource> target = model.resolve(m.owner(), r);
      if (target.isEmpty()) continue;
      List<Integer> policies = byPolicyResource.getOrDefault(target.get(), List.of());
      if (policies.isEmpty()) continue;
      for (PrincipalRef a : m.principals()) {
        policiesByIdentity.computeIfAbsent(a.identity(), k -> new ArrayList<>()).addAll(policies);
      }
    }
  }

  /**
   * Something derived from the whole view, computed once and shared by the rules that read it (they
   * run in parallel: a second caller waits for the first). {@code compute} must not call back here.
   */
  public <T> T derived(Class<T> kind, java.util.function.Function<IamView, T> compute) {
    return kind.cast(derived.computeIfAbsent(kind, k -> compute.apply(this)));
  }

  /** Whether a managed attachment names this customer policy resource. */
  public boolean refersTo(ManagedPolicyAttachment m, Resource policy) {
    if (m.policy() instanceof Value.Reference r) {
      return model.resolve(m.owner(), r).map(policy::equals).orElse(false);
    }
    return false;
  }

  /** One statement and the policy it belongs to. */
  public record Grant(PolicyStatement statement, IdentityPolicy policy) {}

  // ---- filled by IamViewBuilder ----

  void addIdentity(IdentityPolicy p) {
    identityPolicies.add(p);
  }

  void addTrust(TrustPolicy p) {
    trustPolicies.add(p);
  }

  void addResourcePolicy(ResourcePolicy p) {
    resourcePolicies.add(p);
  }

  void addManaged(ManagedPolicyAttachment m) {
    managedAttachments.add(m);
  }

  void addServiceControlPolicy(ServiceControlPolicy p) {
    serviceControlPolicies.add(p);
  }

  void addUserAttachment(UserAttachment a) {
    userAttachments.add(a);
  }

  void addPrincipal(PrincipalRef p) {
    principals.add(p);
  }

  void addMembership(PrincipalRef user, PrincipalRef group) {
    groupsOfUser.computeIfAbsent(user.identity(), k -> new LinkedHashSet<>()).add(group);
  }

  PolicyDocument read(Value v, Resource owner) {
    return reader.read(v, owner);
  }

  Optional<Resource> resolve(Resource from, Value.Reference ref) {
    return model.resolve(from, ref);
  }
}
