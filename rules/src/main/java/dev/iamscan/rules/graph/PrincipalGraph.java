package dev.iamscan.rules.graph;

import dev.iamscan.iam.IamView;
import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.iam.ManagedPolicyAttachment;
import dev.iamscan.iam.PrincipalDetails;
import dev.iamscan.iam.PrincipalKind;
import dev.iamscan.iam.PrincipalRef;
import dev.iamscan.iam.TrustPolicy;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.policy.Effect;
import dev.iamscan.policy.PolicyDocument;
import dev.iamscan.policy.PolicyPrincipal;
import dev.iamscan.policy.PolicyStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who can become administrator. Nodes are the principals of the scan; an edge from P to Q says that
 * P can act as Q (assume Q, get Q's credentials, pass Q to a service that runs code, use an existing
 * resource that runs with Q). A principal is administrator when its effective permissions allow every
 * action on every resource, or a policy change on every resource that grants itself anything; a
 * one-step escalation (a policy change that covers itself, a grant on {@code *} that reaches every
 * role or user of the account) ends a path too. A breadth-first search from those ends backwards
 * gives every principal its shortest path, in time linear in principals and edges. See
 * docs/principal-graph.md.
 */
public final class PrincipalGraph {
  /** One step of a path: what happens, and the statement or trust that allows it. */
  public record Step(String message, SourceRange location) {}

  /**
   * A principal and why it is administrator.
   *
   * @param how the permission that makes it one, with where it is granted
   */
  public record Administrator(PrincipalRef principal, String label, Step how) {}

  /**
   * A principal that is not administrator but can become one, by the shortest path found. A group
   * stands for each of its members: the path is the one any member has through the group's policies.
   */
  public record PathToAdmin(PrincipalRef principal, String label, List<Step> steps) {
    public PathToAdmin {
      steps = List.copyOf(steps);
    }

    public boolean group() {
      return principal.kind() == PrincipalKind.GROUP;
    }

    /** Who can do it: {@code user dev}, {@code each member of group ops}. */
    public String who() {
      return group() ? "each member of " + label : label;
    }

    /** {@code user dev → assumes role deployer (...) → ...}; {@code a member of group ops → ...}. */
    public String inWords() {
      StringBuilder sb = new StringBuilder(group() ? "a member of " + label : label);
      for (Step s : steps) sb.append(" → ").append(s.message());
      return sb.toString();
    }
  }

  /**
   * A principal with no path to administrator that can still make others administrator: a policy
   * change on every user, role or group of the account.
   */
  public record GrantToOthers(PrincipalRef principal, String label, Step how) {
    /** Who can do it: {@code role ci}, {@code each member of group ops}. */
    public String who() {
      return principal.kind() == PrincipalKind.GROUP ? "each member of " + label : label;
    }
  }

  /** An edge for the picture: from, to (a principal or a placeholder), and what it says. */
  public record Edge(String from, String to, String label) {}

  /**
   * An edge: from, to, and its step. The words of a step are written when first read (a path, the
   * picture, a policy change on the target), not for every pair the graph compares.
   */
  private static final class Link {
    private final int from;
    private final int to;
    private java.util.function.Supplier<Step> words;
    private Step step;

    Link(int from, int to, Step step) {
      this.from = from;
      this.to = to;
      this.step = step;
    }

    Link(int from, int to, java.util.function.Supplier<Step> words) {
      this.from = from;
      this.to = to;
      this.words = words;
    }

    int from() {
      return from;
    }

    int to() {
      return to;
    }

    Step step() {
      if (step == null) {
        step = words.get();
        words = null;
      }
      return step;
    }
  }

  private static final List<String> SELF_GRANT_USER = List.of("iam:AttachUserPolicy", "iam:PutUserPolicy");
  private static final List<String> SELF_GRANT_ROLE = List.of("iam:AttachRolePolicy", "iam:PutRolePolicy");
  /** A group's members (and a user through its groups) also gain what is attached to the group. */
  private static final List<String> SELF_GRANT_GROUP_MEMBER = List.of(
      "iam:AttachUserPolicy", "iam:PutUserPolicy", "iam:AttachGroupPolicy", "iam:PutGroupPolicy");

  private final IamView view;
  private final ConditionFeasibility conditions;
  private final List<Actor> actors = new ArrayList<>();
  private final Map<String, Actor> byIdentity = new HashMap<>();
  private final Map<String, List<Actor>> byName = new HashMap<>();
  private final List<Permissions> permissions = new ArrayList<>();
  private final Map<Integer, Step> admin = new LinkedHashMap<>();
  private final Map<Integer, Step> terminal = new LinkedHashMap<>();
  /**
   * Ends at a stand-in for principals outside the scan ("any role that trusts ec2.amazonaws.com"):
   * used only by a principal the search finds no path through a principal of the scan for.
   */
  private final Map<Integer, Step> standIn = new LinkedHashMap<>();
  /** Grants on a pattern that covers principals of a type: resolved against each principal the search reaches. */
  private record Pending(Actor actor, EscalationMethods.Method method, String with) {}

  /**
   * Pending grants by the principals they may cover: type, the service a passed role must trust
   * (empty for other methods), and the literal start of the name pattern (empty for {@code *} or a
   * pattern the index cannot read). A principal reached looks up only the starts of its own name.
   */
  private final Map<String, List<Pending>> pending = new HashMap<>();
  /** The instance profiles of the scan that hold each role, by name, for the words of EC2 steps. */
  private final Map<Integer, List<String>> profiles = new HashMap<>();
  private final dev.iamscan.state.StateView state;
  private final Map<Integer, Step> grantsOthers = new LinkedHashMap<>();
  private final List<Link> links = new ArrayList<>();
  private final Map<Integer, Set<String>> trustedServices = new HashMap<>();
  /** For a user in a group: the locations of the statements granted to the user itself. */
  private final Map<Integer, Set<SourceRange>> ownLocations = new HashMap<>();
  // By identity: a resource record hashes its whole body, and the model holds each resource once.
  private final Map<Resource, Actor> actorOfResource = new java.util.IdentityHashMap<>();
  private int[] dist;
  private Link[] next;

  private PrincipalGraph(IamView view, dev.iamscan.state.StateView state, Instant now) {
    this.view = view;
    this.state = state;
    this.conditions = new ConditionFeasibility(now);
  }

  /** The graph of a view, built once per scan and shared by the rules and commands that read it. */
  public static PrincipalGraph of(IamView view, dev.iamscan.state.StateView state) {
    return view.derived(PrincipalGraph.class, v -> build(v, state, Instant.now()));
  }

  public static PrincipalGraph build(IamView view, Instant now) {
    return build(view, dev.iamscan.state.StateView.build(view.model()), now);
  }

  public static PrincipalGraph build(IamView view, dev.iamscan.state.StateView state, Instant now) {
    PrincipalGraph g = new PrincipalGraph(view, state, now);
    g.collectActors();
    g.collectPermissions();
    g.findAdministrators();
    g.readTrusts();
    g.collectExisting();
    g.collectProfiles();
    g.collectPasswords();
    g.findSteps();
    g.search();
    return g;
  }

  // ------------------------------------------------------------------ actors

  private void collectActors() {
    for (PrincipalRef p : view.principals()) {
      if (byIdentity.containsKey(p.identity())) continue;
      String name = PrincipalDetails.name(p).orElse(null);
      String path = PrincipalDetails.path(p);
      Resource r = p.resource();
      String type = switch (p.kind()) {
        case USER -> "user";
        case GROUP -> "group";
        default -> "role";
      };
      Actor a = new Actor(actors.size(), p, name, Target.iam(type, path, name, r), List.copyOf(view.groupsOf(p)));
      actors.add(a);
      byIdentity.put(p.identity(), a);
      if (r != null) actorOfResource.put(r, a);
      if (name != null) byName.computeIfAbsent(type + "/" + name, k -> new ArrayList<>()).add(a);
    }
  }

  private void collectPermissions() {
    Map<String, List<ManagedPolicyAttachment>> managed = new HashMap<>();
    for (ManagedPolicyAttachment m : view.managedAttachments()) {
      for (PrincipalRef p : m.principals()) managed.computeIfAbsent(p.identity(), k -> new ArrayList<>()).add(m);
    }
    for (Actor a : actors) {
      List<Permissions.Source> sources = new ArrayList<>();
      Map<IdentityPolicy, String> groupOf = new HashMap<>();
      for (PrincipalRef g : a.groups()) {
        for (IamView.Grant gr : view.grantsOf(g)) groupOf.putIfAbsent(gr.policy(), groupName(g));
      }
      for (IamView.Grant gr : view.grantsOf(a.ref())) {
        boolean groupOwned = actorOfResource.containsKey(gr.policy().owner());
        String via = groupOf.containsKey(gr.policy()) && !groupOwned ? " of group " + groupOf.get(gr.policy()) : "";
        sources.add(new Permissions.Source(gr.statement(), policyName(gr.policy()) + via, gr.statement().range(), gr.policy()));
      }
      List<PrincipalRef> holders = new ArrayList<>();
      holders.add(a.ref());
      holders.addAll(a.groups());
      for (PrincipalRef h : holders) {
        for (ManagedPolicyAttachment m : managed.getOrDefault(h.identity(), List.of())) {
          Optional<String> name = m.awsManagedName();
          if (name.isEmpty()) continue;
          Optional<PolicyDocument> doc = AwsManagedPolicies.byName(name.get());
          if (doc.isEmpty()) continue;
          String via = h == a.ref() ? "" : " of group " + groupName(h);
          for (PolicyStatement s : doc.get().statements()) {
            sources.add(new Permissions.Source(s, name.get() + via, m.at(), null));
          }
        }
      }
      permissions.add(new Permissions(sources, boundary(a), conditions));
      if (a.isUser() && !a.groups().isEmpty()) {
        // Where a member's own grants are: a step allowed there is its own, even when a group holds the same policy.
        Set<SourceRange> own = new java.util.HashSet<>();
        for (IamView.Grant gr : view.ownGrantsOf(a.ref())) own.add(gr.statement().range());
        for (ManagedPolicyAttachment m : managed.getOrDefault(a.ref().identity(), List.of())) own.add(m.at());
        ownLocations.put(a.id(), own);
      }
    }
  }

  private String groupName(PrincipalRef g) {
    Actor ga = byIdentity.get(g.identity());
    return ga != null ? ga.shortName() : g.name();
  }

  private String policyName(IdentityPolicy p) {
    Actor owner = actorOfResource.get(p.owner());
    return owner != null ? "the inline policy of " + owner.label() : p.owner().displayName();
  }

  /** The permissions boundary of a user or role: an AWS-managed policy iamscan knows, or a policy of the scan. */
  private Map<Resource, IdentityPolicy> managedByOwner;

  private Permissions.Boundary boundary(Actor a) {
    Resource r = a.ref().resource();
    Optional<Value.Field> f = PrincipalDetails.boundary(a.ref());
    if (r == null || f.isEmpty()) return null;
    Value v = f.get().value();
    SourceRange at = f.get().range();
    String text = v instanceof Value.Text t ? t.value() : v instanceof Value.Unknown u ? u.expression() : null;
    if (text != null) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(":iam::aws:policy/(?:.*/)?([A-Za-z0-9+=,.@_-]+)$").matcher(text.trim());
      if (m.find()) {
        String name = m.group(1);
        Optional<PolicyDocument> doc = AwsManagedPolicies.byName(name);
        if (doc.isEmpty()) return new Permissions.Boundary(List.of(), true, name, at);
        return new Permissions.Boundary(doc.get().statements().stream()
            .map(s -> new Permissions.Source(s, name, at, null)).toList(), false, name, at);
      }
    }
    if (v instanceof Value.Reference ref) {
      Optional<Resource> target = view.model().resolve(r, ref);
      if (target.isPresent()) {
        if (managedByOwner == null) {
          managedByOwner = new java.util.IdentityHashMap<>();
          for (IdentityPolicy p : view.identityPolicies()) {
            if (p.managed()) managedByOwner.putIfAbsent(p.owner(), p);
          }
        }
        IdentityPolicy p = managedByOwner.get(target.get());
        if (p != null) {
          String name = p.owner().displayName();
          return new Permissions.Boundary(p.document().statements().stream()
              .map(s -> new Permissions.Source(s, name, s.range(), p)).toList(), p.document().unknown(), name, at);
        }
      }
    }
    return new Permissions.Boundary(List.of(), true, text != null ? text : "", at);
  }

  // ------------------------------------------------------------ administrators

  private void findAdministrators() {
    for (Actor a : actors) {
      Permissions p = permissions.get(a.id());
      Optional<Permissions.Source> all = p.everything();
      if (all.isPresent()) {
        admin.put(a.id(), new Step("allowed every action on every resource by " + all.get().label(), all.get().location()));
        continue;
      }
      List<String> grants = a.isGroup() || (a.kind() == PrincipalKind.USER && !a.groups().isEmpty())
          ? SELF_GRANT_GROUP_MEMBER
          : a.kind() == PrincipalKind.USER ? SELF_GRANT_USER : SELF_GRANT_ROLE;
      for (String action : grants) {
        Permissions.Decision d = p.can(action, a.self(), a.caller(), s -> Permissions.everyResource(s.statement()));
        if (d.allowed()) {
          admin.put(a.id(), new Step("allowed %s on every resource by %s, so %s can grant itself anything%s".formatted(
              action, d.grant().label(), a.isGroup() ? "each member" : "it", doubts(d)), d.grant().location()));
          break;
        }
      }
    }
  }

  private static String doubts(Permissions.Decision d) {
    List<String> all = new ArrayList<>(d.doubts());
    if (d.grant() != null) all.addAll(resourceTags(d.grant().statement()));
    return all.isEmpty() ? "" : " (" + String.join("; ", all) + ")";
  }

  /**
   * A grant that holds only on resources carrying a tag ({@code aws:ResourceTag/...},
   * {@code iam:ResourceTag/...}): the step says so, since whether the target carries it is decided
   * where it is tagged, possibly outside the scan.
   */
  static List<String> resourceTags(PolicyStatement s) {
    List<String> out = new ArrayList<>();
    for (dev.iamscan.policy.ConditionClause c : s.conditions()) {
      String key = c.key().toLowerCase(Locale.ROOT);
      if (!key.startsWith("aws:resourcetag/") && !key.startsWith("iam:resourcetag/")) continue;
      List<String> values = c.values().stream().map(dev.iamscan.policy.LocatedString::value).toList();
      out.add("only where the target carries the tag its condition asks for: %s %s = %s".formatted(c.operator(), c.key(),
          c.hasUnknown() ? "(a value the scan cannot resolve)" : values.size() == 1 ? values.get(0) : values.toString()));
    }
    return out;
  }

  // --------------------------------------------------------------------- trust

  /** Role → actors its trust names by ARN, and whether it admits the account root or anyone. */
  /** A principal a role's trust names by ARN, and where. */
  private record Named(Actor principal, PolicyPrincipal at) {}

  private final Map<Integer, List<Named>> namedIn = new HashMap<>();
  /** Roles whose trust admits the account root or anyone: who, in words. */
  private final Map<Integer, String> openTrust = new HashMap<>();

  private void readTrusts() {
    for (TrustPolicy t : view.trustPolicies()) {
      Actor role = actorOfResource.get(t.role());
      if (role == null) continue;
      for (PolicyStatement s : t.document().statements()) {
        if (s.effect() != Effect.ALLOW || s.notPrincipal() || conditions.neverHolds(s).isPresent()) continue;
        boolean assume = Permissions.action(s, "sts:AssumeRole") == Tri.YES;
        for (PolicyPrincipal pp : s.principals()) {
          if (pp.type().equals("Service") && assume) {
            trustedServices.computeIfAbsent(role.id(), k -> new LinkedHashSet<>()).add(pp.id().toLowerCase(Locale.ROOT));
          }
          if (!assume || !(pp.type().equals("AWS") || pp.type().equals("*"))) continue;
          // Named by reference to a user or role of the scan (aws_iam_user.dev.arn, !GetAtt Dev.Arn).
          Actor byReference = pp.resource() != null ? actorOfResource.get(pp.resource()) : null;
          if (byReference != null) {
            namedIn.computeIfAbsent(role.id(), k -> new ArrayList<>()).add(new Named(byReference, pp));
            continue;
          }
          String id = pp.id().trim();
          if (id.equals("*") || id.chars().allMatch(Character::isDigit) || id.matches("arn:[^:]+:iam::[^:]*:root")) {
            openTrust.putIfAbsent(role.id(), id.equals("*") ? "anyone" : "the account root");
            continue;
          }
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("arn:[^:]+:iam::[^:]*:(user|role)/(?:.*/)?([^/]+)").matcher(id);
          if (!m.matches()) continue;
          for (Actor a : byName.getOrDefault(m.group(1) + "/" + m.group(2), List.of())) {
            namedIn.computeIfAbsent(role.id(), k -> new ArrayList<>()).add(new Named(a, pp));
          }
        }
      }
    }
  }

  // --------------------------------------------------------- existing resources

  /** A resource of the scan that runs with a role of the scan: a function, a stack. */
  private record Existing(String label, Target target, Actor role) {}

  private final Map<String, List<Existing>> existing = new HashMap<>();

  /**
   * Lambda functions and CloudFormation stacks of the scan with the role they run as: a method on
   * one of them by name reaches that role (and only that role: a weak one leads nowhere).
   */
  private void collectExisting() {
    for (PrincipalDetails.RunsAs x : PrincipalDetails.runsAs(view.model())) {
      Actor role = actorOfResource.get(x.role());
      if (role == null || role.isUser() || role.isGroup()) continue;
      boolean stack = x.kind().equals("stack");
      // A stack's ARN ends with an id AWS assigns: only a pattern with a wildcard there covers it.
      String name = x.name() == null ? null : stack ? x.name() + "/" + ArnMatcher.UNKNOWN_NAME : x.name();
      addExisting(x.kind(), name, x.resource(), role, stack ? "cloudformation" : "lambda", stack ? "/" : ":");
    }
  }

  private void addExisting(String kind, String name, Resource r, Actor role, String service, String sep) {
    String shown = name != null ? name.replace("/" + ArnMatcher.UNKNOWN_NAME, "") : r.shortName();
    Target t = new Target(service, kind, "", name, false, false, sep, r);
    existing.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Existing(kind + " " + shown, t, role));
  }

  /** Instance profiles of the scan and the roles of the scan they hold (by reference or by name). */
  private void collectProfiles() {
    Map<Resource, Actor> roleOfProfile = new java.util.IdentityHashMap<>();
    Map<String, List<Actor>> roleOfProfileName = new HashMap<>();
    for (dev.iamscan.state.InstanceProfile ip : state.instanceProfiles()) {
      Optional<Value> roles = ip.roles().value();
      if (roles.isEmpty()) continue;
      List<Value> items = roles.get() instanceof Value.ListValue l ? l.items() : List.of(roles.get());
      String name = ip.name().value().filter(Value.Text.class::isInstance).map(v -> ((Value.Text) v).value())
          .orElseGet(() -> ip.owner().shortName());
      for (Value v : items) {
        Actor role = null;
        if (v instanceof Value.Reference ref) {
          role = view.model().resolve(ip.owner(), ref).map(actorOfResource::get).orElse(null);
        } else if (v instanceof Value.Text t) {
          List<Actor> named = byName.getOrDefault("role/" + t.value().trim(), List.of());
          role = named.size() == 1 ? named.get(0) : null;
        }
        if (role != null) {
          profiles.computeIfAbsent(role.id(), k -> new ArrayList<>()).add(name);
          roleOfProfile.put(ip.owner(), role);
          roleOfProfileName.computeIfAbsent(name, k -> new ArrayList<>()).add(role);
        }
      }
    }
    // EC2 instances of the scan with an instance profile of the scan: an existing resource whose role
    // SSM, EC2 Instance Connect and user-data changes reach. Its ARN ends with an id AWS assigns.
    for (dev.iamscan.state.Instance i : state.instances()) {
      if (i.launchConfiguration()) continue;
      Optional<Value> v = i.profile().value();
      Actor role = null;
      if (v.isPresent() && v.get() instanceof Value.Reference ref) {
        role = view.model().resolve(i.owner(), ref).map(roleOfProfile::get).orElse(null);
      } else if (v.isPresent() && v.get() instanceof Value.Text t) {
        List<Actor> roles = roleOfProfileName.getOrDefault(t.value().trim(), List.of());
        role = roles.size() == 1 ? roles.get(0) : null;
      }
      if (role != null) addExisting("instance", null, i.owner(), role, "ec2", "/");
    }
  }


  /** How a step names a role passed to a service: with its instance profile when an instance runs with it. */
  private String passed(Actor role, EscalationMethods.Method m) {
    if (!"ec2.amazonaws.com".equals(m.service())) return role.label();
    List<String> ps = profiles.get(role.id());
    if (ps == null) return role.label() + " (no instance profile of the scan holds it: one outside the scan must)";
    return role.label() + " (instance profile " + String.join(", ", ps) + ")";
  }

  // ------------------------------------------------------------ steps and edges

  private void findSteps() {
    Target anyUser = Target.anyIam("user");
    Target anyRole = Target.anyIam("role");
    Target anyGroup = Target.anyIam("group");
    Target anyPolicy = Target.anyIam("policy");
    // Assume: a trust that names the principal needs no identity permission in the same account.
    namedIn.forEach((roleId, entries) -> {
      Actor role = actors.get(roleId);
      for (Named e : entries) {
        Actor a = e.principal();
        if (a.id() == roleId || !a.acts()) continue;
        if (permissions.get(a.id()).denied("sts:AssumeRole", role.self(), a.caller())) continue;
        PolicyPrincipal pp = e.at();
        links.add(new Link(a.id(), roleId, new Step("assumes %s (its trust names %s)".formatted(role.label(), a.shortName()),
            pp.range())));
      }
    });
    // A group is a source too, standing for each of its members: a member with no policies of its
    // own has exactly the group's permissions, and one added later, outside the scan, gains its paths.
    for (Actor a : actors) {
      Permissions p = permissions.get(a.id());
      String caller = a.caller();
      // Assume a role whose trust admits the account root or anyone: the identity policy must allow it.
      if (p.mentions("sts:AssumeRole")) {
        List<Actor> named = candidates(p, "sts:AssumeRole", "role");
        // Whichever is smaller: the roles the grants name, or the roles open to the account.
        List<Actor> roles = named.size() <= openTrust.size() ? named
            : openTrust.keySet().stream().sorted().map(actors::get).toList();
        for (Actor role : roles) {
          String admits = openTrust.get(role.id());
          if (admits == null || role.id() == a.id()) continue;
          Permissions.Decision d = p.can("sts:AssumeRole", role.self(), caller);
          if (!d.allowed()) continue;
          links.add(new Link(a.id(), role.id(), new Step("assumes %s (its trust admits %s; sts:AssumeRole allowed by %s)%s"
              .formatted(role.label(), admits, d.grant().label(), doubts(d)), d.grant().location())));
        }
      }
      for (EscalationMethods.Method m : EscalationMethods.all()) {
        if (m.how() == EscalationMethods.How.UNKNOWN || !p.mentions(m.key())) continue;
        List<Permissions.Source> others = new ArrayList<>();
        boolean all = true;
        for (String o : m.others()) {
          Optional<Permissions.Source> s = p.anywhere(o);
          if (s.isEmpty()) {
            all = false;
            break;
          }
          others.add(s.get());
        }
        if (!all) continue;
        String with = m.others().isEmpty() ? "" : " with " + String.join(", ", m.others());
        switch (m.target()) {
          case "user" -> {
            if (m.how() == EscalationMethods.How.GRANT && a.isUser()) selfStep(a, m, a.self(), a.label());
            if (m.how() == EscalationMethods.How.GRANT) grantsAny(a, m, anyUser, "any user of the account");
            if (m.how() == EscalationMethods.How.BECOME) {
              placeholder(a, m, anyUser, m.key().equalsIgnoreCase("iam:UpdateLoginProfile") ? withPassword.isEmpty()
                  ? "any user of the account that already has one (no user of the scan has a console password)"
                  : "any user of the account that already has one (administrators outside the scan included)"
                  : "any user of the account (administrators outside the scan included)", with);
              targets(a, p, m, with, "user");
            }
          }
          case "role" -> {
            if (m.how() == EscalationMethods.How.GRANT && !a.isUser() && !a.isGroup()) selfStep(a, m, a.self(), a.label());
            if (m.how() == EscalationMethods.How.GRANT) grantsAny(a, m, anyRole, "any role of the account");
            if (m.how() == EscalationMethods.How.BECOME) {
              placeholder(a, m, anyRole, "any role of the account (administrators outside the scan included)", with);
              targets(a, p, m, with, "role");
            }
          }
          case "group" -> {
            if (m.how() == EscalationMethods.How.GRANT) grantsAny(a, m, anyGroup, "any group of the account");
            // A role cannot join a group, but may add any user to an administrator group.
            if (m.how() == EscalationMethods.How.JOIN && !a.isUser() && !a.isGroup()) {
              grantsAnyWorded(a, m, anyGroup, "adds any user to any group of the account (administrator groups included)");
            }
            if (!a.isUser() && !a.isGroup()) break;
            if (m.how() == EscalationMethods.How.GRANT) {
              if (a.isGroup()) selfStep(a, m, a.self(), "its own " + a.label());
              for (PrincipalRef g : a.groups()) {
                Actor ga = byIdentity.get(g.identity());
                if (ga != null) selfStep(a, m, ga.self(), "its " + ga.label());
              }
            } else if (m.how() == EscalationMethods.How.JOIN) {
              placeholder(a, m, anyGroup, "any group of the account (administrator groups included)", with);
              {
                // Groups only lend permissions: joining one ends a path when it is administrator.
                List<Actor> groups = candidates(p, m.key(), "group");
                if (groups == actorsOfType("group")) groups = adminGroups();
                for (Actor g : groups) {
                  if (!admin.containsKey(g.id())) continue;
                  Permissions.Decision d = p.can(m.key(), g.self(), caller);
                  if (d.allowed()) {
                    endsAt(a, new Step("%s on %s %s, which is administrator%s".formatted(m.key(),
                        Permissions.matched(d.grant().statement(), g.self(), caller), m.say(g.label()), doubts(d)),
                        d.grant().location()));
                  }
                }
              }
            }
          }
          case "policy" -> {
            // A new version of every customer managed policy of the account: administrator for those they are attached to.
            if (m.how() == EscalationMethods.How.GRANT) grantsAny(a, m, anyPolicy, "any customer managed policy of the account");
            // A new default version of a customer managed policy attached to the principal; never an AWS-managed one.
            Set<IdentityPolicy> own = new LinkedHashSet<>();
            for (Permissions.Source s : p.allows()) {
              if (s.from() != null && s.from().managed()) own.add(s.from());
            }
            for (Permissions.Source s : p.denies()) {
              if (s.from() != null && s.from().managed()) own.add(s.from());
            }
            for (IdentityPolicy pol : own) {
              Resource r = pol.owner();
              String name = PrincipalDetails.policyName(r).orElse(null);
              Target t = Target.iam("policy", PrincipalDetails.policyPath(r), name, r);
              selfStep(a, m, t, "policy " + (name != null ? name : r.displayName()) + " attached to it");
            }
          }
          case "service-role" -> {
            String svc = m.service();
            placeholder(a, m, anyRole, "any role that trusts " + svc + " (administrator roles of the account included)", with);
            targets(a, p, m, with, "role");
          }
          default -> {
            // An existing resource: its role is not in the scan unless the resource is.
            String what = switch (m.target()) {
              case "instance" -> "any instance with an instance profile";
              case "function" -> "any Lambda function";
              case "stack" -> "any CloudFormation stack with a service role";
              case "glue-endpoint" -> "any Glue development endpoint";
              case "notebook" -> "any SageMaker notebook instance";
              case "launch-template" -> "any launch template";
              case "task" -> "any running ECS task";
              default -> "any Bedrock code interpreter";
            };
            placeholder(a, m, anyResource(m.target()), what + " (roles outside the scan included)", with);
            for (Existing e : existing.getOrDefault(m.target(), List.of())) {
              if (e.role().id() == a.id()) continue;
              Permissions.Decision d = p.can(m.key(), e.target(), caller);
              if (!d.allowed()) continue;
              links.add(new Link(a.id(), e.role().id(), () -> new Step("%s on %s%s %s (%s)%s".formatted(m.key(),
                  Permissions.matched(d.grant().statement(), e.target(), caller), with, m.say(e.label()),
                  e.role().label(), doubts(d)), d.grant().location())));
            }
          }
        }
      }
    }
    // A principal that can change another one's policies and then act as it.
    // An end that is the principal's own (not only through a group) is never replaced (see endsAt):
    // its further links need no look.
    Set<Integer> settled = new java.util.HashSet<>();
    for (Link l : List.copyOf(links)) {
      Actor a = actors.get(l.from());
      if (settled.contains(a.id())) continue;
      Step first = terminal.get(a.id());
      if (first != null && !viaGroup(a, first)) {
        settled.add(a.id());
        continue;
      }
      Actor q = actors.get(l.to());
      Permissions p = permissions.get(a.id());
      for (String action : q.isUser() ? SELF_GRANT_USER : SELF_GRANT_ROLE) {
        Permissions.Decision d = p.can(action, q.self(), a.caller());
        if (!d.allowed()) continue;
        EscalationMethods.Method m = method(action);
        endsAt(a, new Step("%s on %s %s, then %s%s".formatted(action,
            Permissions.matched(d.grant().statement(), q.self(), a.caller()), m.say(q.label()), l.step().message(), doubts(d)),
            d.grant().location()));
        break;
      }
    }
  }

  /**
   * The principals of the scan a method may act on: those a literal ARN names get an edge now; a
   * pattern ({@code *}, {@code role/app-*}) is kept and matched against each principal the search
   * reaches, so a path names the nearest one of the scan it covers without comparing every pair.
   */
  private void targets(Actor a, Permissions p, EscalationMethods.Method m, String with, String type) {
    List<Actor> named = candidates(p, m.key(), type);
    if (named == actorsOfType(type)) {
      Pending w = new Pending(a, m, with);
      String svc = m.service() == null ? "" : m.service();
      for (String start : nameStarts(p, m.key(), type)) {
        pending.computeIfAbsent(type + "|" + svc + "|" + start, k -> new ArrayList<>()).add(w);
      }
      return;
    }
    for (Actor q : named) {
      if (q.id() != a.id() && trusts(q, m)) edge(a, q, m, with);
    }
  }

  /**
   * Whether the method applies to the principal: a passed role must trust the service; a console
   * password can only be reset for a user that has one (a login profile of the scan).
   */
  /**
   * The literal starts of the names an action's Allow patterns cover for a type, lower case:
   * {@code nt-app-} for {@code arn:aws:iam::1:role/nt-app-*}; the empty start when a pattern may
   * cover any name (or one the index cannot read: a path, a variable, NotResource, an unknown).
   */
  private Set<String> nameStarts(Permissions p, String action, String type) {
    Set<String> out = new LinkedHashSet<>();
    for (Permissions.Source s : p.allows()) {
      PolicyStatement st = s.statement();
      if (Permissions.action(st, action) == Tri.NO) continue;
      if (st.notResource() || st.resources().hasUnknown() || !st.resources().partial().isEmpty()
          || !st.resources().named().isEmpty()) {
        out.add("");
        continue;
      }
      for (dev.iamscan.policy.LocatedString r : st.resources().known()) {
        String v = r.value().trim();
        int at = v.indexOf(":" + type + "/");
        String name = at < 0 ? null : v.substring(at + type.length() + 2);
        if (name == null) {
          // arn:aws:iam::*:* or * cover every type; another type covers none of these.
          String[] parts = v.split(":", -1);
          boolean otherService = parts.length >= 6 && !parts[2].equals("iam") && firstOf(parts[2], "*?$") < 0;
          if (!otherService && (v.equals("*") || !v.startsWith("arn:") || parts.length < 6
              || firstOf(parts[5], "*?$") >= 0)) out.add("");
          continue;
        }
        int wild = firstOf(name, "*?$");
        String start = wild < 0 ? name : name.substring(0, wild);
        out.add(start.contains("/") ? "" : start.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) return i;
    }
    return -1;
  }

  /** The pending grants that may cover a principal just reached: by its type, the services it trusts, its name's starts. */
  private List<Pending> waitingFor(Actor q) {
    String type = q.self().type();
    List<String> services = new ArrayList<>();
    services.add("");
    services.addAll(trustedServices.getOrDefault(q.id(), Set.of()));
    String name = q.name() == null ? "" : q.name().toLowerCase(Locale.ROOT);
    List<Pending> out = new ArrayList<>();
    for (String svc : services) {
      String key = type + "|" + svc + "|";
      for (int len = 0; len <= name.length(); len++) {
        List<Pending> l = pending.get(key + name.substring(0, len));
        if (l == null) continue;
        // A principal reached already has its path: it leaves every list it is found in.
        l.removeIf(w -> dist[w.actor().id()] != Integer.MAX_VALUE);
        out.addAll(l);
      }
    }
    return out;
  }

  private boolean trusts(Actor q, EscalationMethods.Method m) {
    if (m.key().equalsIgnoreCase("iam:UpdateLoginProfile")) return withPassword.contains(q.id());
    return m.service() == null || trustedServices.getOrDefault(q.id(), Set.of()).contains(m.service());
  }

  /** Users of the scan with a console password. */
  private final Set<Integer> withPassword = new java.util.HashSet<>();

  private void collectPasswords() {
    for (dev.iamscan.state.LoginProfile lp : state.loginProfiles()) {
      Actor u = byIdentity.get(lp.user().identity());
      if (u != null) withPassword.add(u.id());
    }
  }

  private List<Actor> adminGroups() {
    return admin.keySet().stream().map(actors::get).filter(Actor::isGroup).toList();
  }

  private static Target anyResource(String type) {
    return switch (type) {
      case "instance" -> Target.any("ec2", "instance", "/");
      case "launch-template" -> Target.any("ec2", "launch-template", "/");
      case "function" -> Target.any("lambda", "function", ":");
      case "stack" -> Target.any("cloudformation", "stack", "/");
      case "glue-endpoint" -> Target.any("glue", "devEndpoint", "/");
      case "notebook" -> Target.any("sagemaker", "notebook-instance", "/");
      case "task" -> Target.any("ecs", "task", "/");
      default -> Target.any("bedrock-agentcore", "code-interpreter", "/");
    };
  }

  /** The escalation methods by action, lower case: the first of each, as a search of the list would find. */
  private static final Map<String, EscalationMethods.Method> METHODS = new HashMap<>();

  static {
    for (EscalationMethods.Method m : EscalationMethods.all()) METHODS.putIfAbsent(m.key().toLowerCase(Locale.ROOT), m);
  }

  private static EscalationMethods.Method method(String key) {
    EscalationMethods.Method m = METHODS.get(key.toLowerCase(Locale.ROOT));
    if (m == null) throw new java.util.NoSuchElementException(key);
    return m;
  }

  private final Map<String, List<Actor>> ofType = new HashMap<>();

  private List<Actor> actorsOfType(String type) {
    return ofType.computeIfAbsent(type,
        t -> actors.stream().filter(x -> x.self().type().equals(t) && x.acts() == !t.equals("group")).toList());
  }

  /**
   * The principals of a type that an action's Allow statements may cover: looked up by name when
   * every pattern is a literal ARN, all of them otherwise. Keeps the graph near-linear: a principal
   * allowed an action on a few named roles is not compared with every role of the scan.
   */
  private List<Actor> candidates(Permissions p, String action, String type) {
    Set<Actor> named = new LinkedHashSet<>();
    for (Permissions.Source s : p.allows()) {
      PolicyStatement st = s.statement();
      if (Permissions.action(st, action) == Tri.NO) continue;
      if (st.notResource() || st.resources().hasUnknown()) return actorsOfType(type);
      for (dev.iamscan.policy.LocatedString r : st.resources().known()) {
        String v = r.value().trim();
        if (v.indexOf('*') >= 0 || v.indexOf('?') >= 0 || v.contains("${")) return actorsOfType(type);
        int slash = v.lastIndexOf('/');
        int colon = v.lastIndexOf(':', slash < 0 ? v.length() - 1 : slash);
        if (slash < 0 || colon < 0) continue;
        String kind = v.substring(colon + 1, v.indexOf('/', colon));
        if (!kind.equals(type)) continue;
        for (Actor a : byName.getOrDefault(type + "/" + v.substring(slash + 1), List.of())) {
          if (a.acts() == !type.equals("group")) named.add(a);
        }
      }
    }
    return List.copyOf(named);
  }

  /**
   * The end of a principal's path: the first found, unless a later one is allowed by the principal's
   * own policies where the first came from a group's. A member then keeps a path of its own, which the
   * group's finding does not speak for (see {@link #repeatsGroup(PathToAdmin)}).
   */
  private void endsAt(Actor a, Step step) {
    endsAt(terminal, a, step);
  }

  private void endsAt(Map<Integer, Step> ends, Actor a, Step step) {
    Step first = ends.get(a.id());
    if (first == null || (viaGroup(a, first) && !viaGroup(a, step))) ends.put(a.id(), step);
  }

  private boolean viaGroup(Actor a, Step step) {
    for (PrincipalRef g : a.groups()) {
      Actor ga = byIdentity.get(g.identity());
      if (ga != null && onlyThrough(a, ga, step)) return true;
    }
    return false;
  }

  /** A policy change that covers the principal itself (or its group, or a policy attached to it). */
  private void selfStep(Actor a, EscalationMethods.Method m, Target target, String saying) {
    if (admin.containsKey(a.id())) return;
    Permissions.Decision d = permissions.get(a.id()).can(m.key(), target, a.caller());
    if (!d.allowed()) return;
    endsAt(a, new Step("%s on %s %s%s".formatted(m.key(),
        Permissions.matched(d.grant().statement(), target, a.caller()), m.say(saying), doubts(d)), d.grant().location()));
  }

  /** A policy change on every principal of a kind: administrator for any of them, if not for itself. */
  private void grantsAny(Actor a, EscalationMethods.Method m, Target any, String saying) {
    grantsAnyWorded(a, m, any, m.say(saying));
  }

  /** The same, in words of its own: what the grant does to others. */
  private void grantsAnyWorded(Actor a, EscalationMethods.Method m, Target any, String words) {
    if (admin.containsKey(a.id()) || grantsOthers.containsKey(a.id())) return;
    Permissions.Decision d = permissions.get(a.id()).can(m.key(), any, a.caller());
    if (!d.allowed()) return;
    grantsOthers.put(a.id(), new Step("%s on %s %s%s".formatted(m.key(),
        Permissions.matched(d.grant().statement(), any, a.caller()), words, doubts(d)), d.grant().location()));
  }

  /** A grant on every resource of a kind reaches those outside the scan too: the path ends there. */
  private boolean placeholder(Actor a, EscalationMethods.Method m, Target any, String saying, String with) {
    Permissions.Decision d = permissions.get(a.id()).can(m.key(), any, a.caller());
    if (!d.allowed()) return false;
    endsAt(standIn, a, new Step("%s on %s%s %s%s".formatted(m.key(),
        Permissions.matched(d.grant().statement(), any, a.caller()), with, m.say(saying), doubts(d)), d.grant().location()));
    return true;
  }

  private void edge(Actor a, Actor q, EscalationMethods.Method m, String with) {
    Link l = link(a, q, m, with);
    if (l != null) links.add(l);
  }

  private Link link(Actor a, Actor q, EscalationMethods.Method m, String with) {
    Permissions.Decision d = permissions.get(a.id()).can(m.key(), q.self(), a.caller());
    if (!d.allowed()) return null;
    String target = m.service() != null ? passed(q, m) : q.label();
    return new Link(a.id(), q.id(), () -> new Step("%s on %s%s %s%s".formatted(m.key(),
        Permissions.matched(d.grant().statement(), q.self(), a.caller()), with, m.say(target), doubts(d)),
        d.grant().location()));
  }

  // -------------------------------------------------------------------- search

  private void search() {
    int n = actors.size();
    dist = new int[n];
    next = new Link[n];
    java.util.Arrays.fill(dist, Integer.MAX_VALUE);
    List<List<Link>> incoming = new ArrayList<>(n);
    for (int i = 0; i < n; i++) incoming.add(new ArrayList<>());
    for (Link l : links) incoming.get(l.to()).add(l);
    List<List<Integer>> buckets = new ArrayList<>();
    buckets.add(new ArrayList<>());
    buckets.add(new ArrayList<>());
    // Administrators allowed everything first, then those that can grant themselves anything: of
    // equally near ones, a path names the plainest.
    for (boolean everything : new boolean[] {true, false}) {
      for (Map.Entry<Integer, Step> e : admin.entrySet()) {
        int i = e.getKey();
        if (actors.get(i).acts() && e.getValue().message().startsWith("allowed every action") == everything) {
          dist[i] = 0;
          buckets.get(0).add(i);
        }
      }
    }
    for (int i : terminal.keySet()) {
      if (dist[i] > 1) {
        dist[i] = 1;
        buckets.get(1).add(i);
      }
    }
    relax(buckets, incoming, true);
    // Then a stand-in ends the path of a principal that has none through the principals of the scan.
    List<List<Integer>> second = new ArrayList<>();
    second.add(new ArrayList<>());
    second.add(new ArrayList<>());
    for (int i : standIn.keySet()) {
      if (dist[i] == Integer.MAX_VALUE) {
        dist[i] = 1;
        second.get(1).add(i);
      }
    }
    relax(second, incoming, false);
  }

  /**
   * Breadth-first, bucket by bucket. In the first pass a pending pattern grant is matched against
   * each principal when it is reached: the first it covers is the nearest. Only the lists for the
   * starts of the principal's name are read, and a pending principal leaves them once reached.
   */
  private void relax(List<List<Integer>> buckets, List<List<Link>> incoming, boolean first) {
    for (int d = 0; d < buckets.size(); d++) {
      for (int node : buckets.get(d)) {
        if (dist[node] != d) continue;
        List<Link> in = new ArrayList<>(incoming.get(node));
        Actor q = actors.get(node);
        List<Pending> waiting = first && q.acts() && !pending.isEmpty() ? waitingFor(q) : null;
        if (waiting != null) {
          for (Pending w : waiting) {
            if (dist[w.actor().id()] != Integer.MAX_VALUE) continue;
            if (w.actor().id() == node || !trusts(q, w.method())) continue;
            Link l = link(w.actor(), q, w.method(), w.with());
            if (l != null) in.add(l);
          }
        }
        for (Link l : in) {
          if (dist[l.from()] <= d + 1 || (!first && dist[l.from()] != Integer.MAX_VALUE)) continue;
          dist[l.from()] = d + 1;
          next[l.from()] = l;
          while (buckets.size() <= d + 1) buckets.add(new ArrayList<>());
          buckets.get(d + 1).add(l.from());
        }
      }
    }
  }

  /** The end of a path: administrator, a step that makes it one, or a stand-in outside the scan. */
  private Step end(int at) {
    if (admin.containsKey(at)) {
      Step how = admin.get(at);
      return new Step(actors.get(at).label() + " is administrator: " + how.message(), how.location());
    }
    return terminal.containsKey(at) ? terminal.get(at) : standIn.get(at);
  }

  // -------------------------------------------------------------------- answers

  public List<Administrator> administrators() {
    List<Administrator> out = new ArrayList<>();
    admin.forEach((i, step) -> out.add(new Administrator(actors.get(i).ref(), actors.get(i).label(), step)));
    return out;
  }

  /**
   * Every principal that is not administrator but can become one, with its shortest path; a group
   * stands for each of its members (its path is the one its policies give any member).
   */
  public List<PathToAdmin> paths() {
    List<PathToAdmin> out = new ArrayList<>();
    for (Actor a : actors) {
      if (admin.containsKey(a.id()) || dist[a.id()] == Integer.MAX_VALUE) continue;
      List<Step> steps = steps(a.id());
      // A member whose path through the scan starts with its group's grant, but whose own grant
      // reaches a stand-in: its own path, which the group's finding does not speak for.
      Step own = standIn.get(a.id());
      if (own != null && next[a.id()] != null && !viaGroup(a, own) && viaGroup(a, steps.get(0))) steps = List.of(own);
      out.add(new PathToAdmin(a.ref(), a.label(), steps));
    }
    return out;
  }

  /** Principals (a group for each of its members) without a path that can make any user, role or group administrator. */
  public List<GrantToOthers> grantsToOthers() {
    List<GrantToOthers> out = new ArrayList<>();
    grantsOthers.forEach((i, step) -> {
      Actor a = actors.get(i);
      if (!admin.containsKey(i) && dist[i] == Integer.MAX_VALUE) out.add(new GrantToOthers(a.ref(), a.label(), step));
    });
    return out;
  }

  /**
   * Whether a user's path only repeats one of its groups' paths: a group of the user has a path no
   * longer than the user's, and the user's first step is allowed by a statement of that group's
   * policies. The group's finding then speaks for the user; a user whose path starts with its own
   * policy or trust, or is shorter thanks to them, is reported in its own right.
   */
  public boolean repeatsGroup(PathToAdmin p) {
    Actor a = byIdentity.get(p.principal().identity());
    if (a == null || !a.isUser()) return false;
    for (PrincipalRef g : a.groups()) {
      Actor ga = byIdentity.get(g.identity());
      if (ga == null || admin.containsKey(ga.id()) || dist[ga.id()] == Integer.MAX_VALUE) continue;
      if (steps(ga.id()).size() <= p.steps().size() && onlyThrough(a, ga, p.steps().get(0))) return true;
    }
    return false;
  }

  /** Whether a user's grant to others is one of its groups' grants to others, by the same statement. */
  public boolean repeatsGroup(GrantToOthers o) {
    Actor a = byIdentity.get(o.principal().identity());
    if (a == null || !a.isUser()) return false;
    for (PrincipalRef g : a.groups()) {
      Actor ga = byIdentity.get(g.identity());
      if (ga == null || admin.containsKey(ga.id()) || dist[ga.id()] != Integer.MAX_VALUE) continue;
      if (grantsOthers.containsKey(ga.id()) && onlyThrough(a, ga, o.how())) return true;
    }
    return false;
  }

  /** Whether a member's step is allowed by a statement of the group's policies and not by one of its own. */
  private boolean onlyThrough(Actor member, Actor group, Step step) {
    return grantedBy(group, step) && !ownLocations.getOrDefault(member.id(), Set.of()).contains(step.location());
  }

  /** Whether a step is allowed by a statement (or an AWS-managed attachment) of the group's own policies. */
  private boolean grantedBy(Actor group, Step step) {
    Permissions gp = permissions.get(group.id());
    for (Permissions.Source s : gp.allows()) {
      if (s.location() != null && s.location().equals(step.location())) return true;
    }
    return false;
  }

  private List<Step> steps(int from) {
    List<Step> steps = new ArrayList<>();
    int at = from;
    while (next[at] != null) {
      steps.add(next[at].step());
      at = next[at].to();
    }
    steps.add(end(at));
    return steps;
  }

  /** The edges on the paths to administrator, for the picture: principal to principal or to an end. */
  public List<Edge> pathEdges() {
    // Two principals with one label (a user "dev" in two modules) stay two nodes: name them by address too.
    Map<String, Long> uses = actors.stream().collect(java.util.stream.Collectors.groupingBy(Actor::label,
        java.util.stream.Collectors.counting()));
    java.util.function.IntFunction<String> node = i -> {
      Actor a = actors.get(i);
      return uses.get(a.label()) > 1 && a.ref().resource() != null
          ? a.label() + " (" + a.ref().resource().displayName() + ")" : a.label();
    };
    Set<Edge> out = new LinkedHashSet<>();
    for (PathToAdmin p : paths()) {
      int at = byIdentity.get(p.principal().identity()).id();
      while (next[at] != null) {
        Link l = next[at];
        out.add(new Edge(node.apply(at), node.apply(l.to()), l.step().message()));
        at = l.to();
      }
      out.add(new Edge(node.apply(at), "administrator", admin.containsKey(at) ? "is administrator" : end(at).message()));
    }
    admin.forEach((i, step) -> out.add(new Edge(node.apply(i), "administrator", "is administrator")));
    return List.copyOf(out);
  }

}
