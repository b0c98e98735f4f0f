package dev.iamscan.iam;

import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fills an {@link IamView} from the resources of a model: each resource is read by the adapter of
 * its format ({@link TerraformIamAdapter}, {@link CloudFormationIamAdapter}); this class holds what
 * both share.
 */
abstract class IamViewBuilder {
  /** A type that holds a resource policy: attribute, service, attribute naming the target, form. */
  record PolicySlot(String attribute, String service, String target, ResourcePolicy.Form form) {}

  final IamView view;

  IamViewBuilder(IamView view) {
    this.view = view;
  }

  /** Reads every resource of the view's model with the adapter of its format. */
  static void build(IamView view) {
    IamViewBuilder tf = new TerraformIamAdapter(view);
    IamViewBuilder cfn = new CloudFormationIamAdapter(view);
    for (Resource r : view.model().resources()) {
      if (!r.kind().equals("resource")) continue;
      (r.format() == Format.CLOUDFORMATION ? cfn : tf).read(r);
    }
  }

  /** Adds what one resource of this adapter's format says to the view. */
  abstract void read(Resource r);

  /** An identity of the scan whose name is {@code name}, in the scope of {@code from}. */
  abstract Optional<Resource> findByName(Resource from, PrincipalKind kind, String name);

  /** The kind of identity a resource of the scan is, or {@code fallback}. */
  abstract PrincipalKind kindOf(Resource r, PrincipalKind fallback);

    void identity(Resource r, Value.Field f, boolean managed, List<PrincipalRef> to) {
    view.addIdentity(new IdentityPolicy(view.read(f.value(), r), r, f.range(), managed, to));
  }

  void managed(Resource r, Value v, List<PrincipalRef> to) {
    for (Value arn : v.elements()) {
      if (arn instanceof Value.Null) continue;
      view.addManaged(new ManagedPolicyAttachment(arn, r, arn.range(), to));
    }
  }

  void resourcePolicy(Resource r, PolicySlot slot) {
    Optional<Value.Field> f = r.body().field(slot.attribute());
    if (f.isEmpty()) return;
    Value target = slot.target() == null ? null : r.body().get(slot.target()).orElse(null);
    view.addResourcePolicy(new ResourcePolicy(view.read(f.get().value(), r), r, slot.service(), target, f.get().range(), slot.form()));
  }

  static PrincipalRef self(Resource r, PrincipalKind kind) {
    return new PrincipalRef(kind, r, r.displayName(), r.headRange());
  }

  /** The identities an attribute names: references to resources of the scan, or names. */
  List<PrincipalRef> refs(Resource from, String key, PrincipalKind kind) {
    Optional<Value> v = from.body().get(key);
    if (v.isEmpty()) return List.of();
    List<PrincipalRef> out = new ArrayList<>();
    for (Value item : v.get().elements()) {
      if (item instanceof Value.Null) continue;
      if (item instanceof Value.Reference ref) {
        Optional<Resource> target = view.resolve(from, ref);
        out.add(target.map(t -> new PrincipalRef(kindOf(t, kind), t, t.displayName(), item.range()))
            .orElseGet(() -> new PrincipalRef(kind, null, ref.expression(), item.range())));
      } else if (item.scalar().isPresent()) {
        String name = item.scalar().get();
        Optional<Resource> byName = findByName(from, kind, name);
        out.add(byName.map(t -> new PrincipalRef(kind, t, t.displayName(), item.range()))
            .orElseGet(() -> new PrincipalRef(kind, null, name, item.range())));
      } else {
        String text = item instanceof Value.Unknown u ? u.expression() : "(unresolved)";
        out.add(new PrincipalRef(kind, null, text, item.range()));
      }
    }
    return out;
  }


  /**
   * Service and resource control policies use the IAM grammar; tag, backup and other Organizations
   * policy types do not. An absent type (Terraform's default) is a service control policy; an
   * unresolved type is not read, to avoid checking another grammar by mistake.
   */
  static boolean isControlPolicy(Value type) {
    if (type == null) return true;
    return type.scalar().map(t -> t.equals("SERVICE_CONTROL_POLICY") || t.equals("RESOURCE_CONTROL_POLICY"))
        .orElse(false);
  }


  /**
   * A policy attached to the one user an attribute names: certain even when the user is not
   * resolved. An explicit null attaches nothing; an absent user is recorded without one.
   */
  void toUser(Resource r, String key, UserAttachment.Kind kind, Value policy) {
    Optional<Value> user = r.body().get(key);
    if (user.isPresent() && user.get() instanceof Value.Null) return;
    view.addUserAttachment(new UserAttachment(r, user.orElse(null), null,
        user.map(Value::range).orElse(r.headRange()), kind, policy));
  }

  /** A policy attached to each user a list attribute certainly holds. */
  void toUsers(Resource r, String key, UserAttachment.Kind kind, Value policy) {
    for (Value u : present(r.body().get(key).orElse(null))) {
      view.addUserAttachment(new UserAttachment(r, u, null, u.range(), kind, policy));
    }
  }

  /**
   * The entries certainly present in a list attribute: known items, and conditional items with a
   * branch that is present. A list that is not resolved may be empty and yields nothing.
   */
  static List<Value> present(Value v) {
    List<Value> out = new ArrayList<>();
    if (v == null || v instanceof Value.Null || v instanceof Value.Unknown) return out;
    if (v instanceof Value.Conditional c) {
      List<Value> a = present(c.whenTrue());
      List<Value> b = present(c.whenFalse());
      if (!a.isEmpty()) out.addAll(a);
      else out.addAll(b);
      return out;
    }
    if (v instanceof Value.ListValue l) {
      for (Value item : l.items()) {
        if (item instanceof Value.Null) continue;
        if (item instanceof Value.Conditional c && present(c.whenTrue()).isEmpty() && present(c.whenFalse()).isEmpty()) {
          continue;
        }
        out.add(item);
      }
      return out;
    }
    out.add(v);
    return out;
  }

  /** A resource of {@code type} in the scope of {@code from} whose {@code attribute} is {@code name}. */
  Optional<Resource> named(Resource from, String type, String attribute, String name) {
    for (Resource c : view.model().ofType(type)) {
      if (c.scope().equals(from.scope()) && c.body().string(attribute).map(name::equals).orElse(false)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
