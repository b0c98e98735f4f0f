package dev.iamscan.state;

import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Questions the adapters ask of written values. */
final class Values {
  private Values() {}

  /**
   * Whether the value, in at least one deployable outcome, certainly holds nothing: null or
   * {@code AWS::NoValue}, an empty string, an empty list (or one of nulls only), or a conditional
   * with such a branch. Unknowns and references count as set: they are never a guess.
   */
  static boolean certainlyEmpty(Value v) {
    if (v instanceof Value.Null) return true;
    if (v instanceof Value.Text t) return t.value().isBlank();
    if (v instanceof Value.ListValue l) return l.items().stream().allMatch(Values::certainlyEmpty);
    if (v instanceof Value.Conditional c) return certainlyEmpty(c.whenTrue()) || certainlyEmpty(c.whenFalse());
    return false;
  }

  /** Whether {@code key} is missing from {@code body} or certainly empty in some outcome. */
  static boolean missing(Value.ObjectValue body, String key) {
    Optional<Value> v = body.get(key);
    return v.isEmpty() || certainlyEmpty(v.get());
  }

  static void collectReferences(Value v, List<Value.Reference> out, int depth) {
    if (depth > 16) return;
    if (v instanceof Value.Reference r) {
      out.add(r);
    } else if (v instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) collectReferences(f.value(), out, depth + 1);
    } else if (v instanceof Value.ListValue l) {
      for (Value i : l.items()) collectReferences(i, out, depth + 1);
    } else if (v instanceof Value.Conditional c) {
      collectReferences(c.whenTrue(), out, depth + 1);
      collectReferences(c.whenFalse(), out, depth + 1);
    }
  }

  /**
   * Whether a field named {@code key} anywhere in the value is itself unknown (a whole block the
   * evaluator could not expand), rather than a block with unknown attributes.
   */
  static boolean unknownField(Value v, String key, int depth) {
    if (depth > 16) return false;
    if (v instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) {
        if (f.key().equals(key) && f.value() instanceof Value.Unknown) return true;
        if (unknownField(f.value(), key, depth + 1)) return true;
      }
    } else if (v instanceof Value.ListValue l) {
      for (Value i : l.items()) if (unknownField(i, key, depth + 1)) return true;
    }
    return false;
  }

  /**
   * Whether VPC options place a resource in a VPC: certainly yes when they name subnets (a list
   * that is not certainly empty, a reference, an unknown list: AWS refuses VPC options without
   * subnets, so they are given), certainly no when absent or empty, not known when the options
   * themselves are not (an unexpanded dynamic block, a condition around them). A condition on the
   * subnets decides only when all its branches agree.
   */
  static Optional<Boolean> placedInVpc(Setting options, String subnetsKey) {
    Optional<Value> v = options.value();
    if (v.isEmpty() || v.get() instanceof Value.Null) return Optional.of(false);
    if (v.get() instanceof Value.ListValue l) {
      // A block written as a list of blocks (Terraform JSON) or repeated.
      if (l.items().isEmpty()) return Optional.of(false);
      if (l.items().size() != 1) return Optional.empty();
      return placedInVpc(new Setting(options.name(), Optional.of(new Value.Field(options.name(), l.range(), l.items().get(0)))), subnetsKey);
    }
    if (!(v.get() instanceof Value.ObjectValue o)) return Optional.empty();
    Optional<Value> subnets = o.get(subnetsKey);
    if (subnets.isEmpty()) return Optional.of(false);
    return namesSubnets(subnets.get(), 0);
  }

  /**
   * Whether a subnet list names subnets: no when null or empty, yes otherwise; a condition (a
   * CloudFormation {@code Fn::If}, a Terraform conditional) decides it only when every branch gives
   * the same answer, so one empty branch leaves it unknown.
   */
  private static Optional<Boolean> namesSubnets(Value subnets, int depth) {
    if (subnets instanceof Value.Null) return Optional.of(false);
    if (subnets instanceof Value.ListValue l && l.items().isEmpty()) return Optional.of(false);
    if (subnets instanceof Value.Conditional c) {
      if (depth > 16) return Optional.empty();
      Optional<Boolean> t = namesSubnets(c.whenTrue(), depth + 1);
      Optional<Boolean> f = namesSubnets(c.whenFalse(), depth + 1);
      return t.isPresent() && t.equals(f) ? t : Optional.empty();
    }
    return Optional.of(true);
  }

  /** The first resource of the scan that a field of {@code spec} refers to and {@code kind} accepts. */
  static Optional<Resource> firstReferenced(ResourceModel model, Resource from, Value.ObjectValue spec,
      Predicate<Resource> kind) {
    for (Value.Field f : spec.fields()) {
      if (f.value() instanceof Value.Reference ref) {
        Optional<Resource> t = model.resolve(from, ref).filter(kind);
        if (t.isPresent()) return t;
      }
    }
    return Optional.empty();
  }

  /** Adds to {@code out} the resources {@code kind} accepts that {@code user}'s body refers to. */
  static void addReferenced(ResourceModel model, Resource user, Predicate<Resource> kind, Set<Resource> out) {
    List<Value.Reference> refs = new java.util.ArrayList<>();
    collectReferences(user.body(), refs, 0);
    for (Value.Reference ref : refs) model.resolve(user, ref).filter(kind).ifPresent(out::add);
  }

  /** Adds to {@code out} the resources {@code kind} accepts in {@code user}'s own module instance or template. */
  static void addInSameScope(ResourceModel model, Resource user, Predicate<Resource> kind, Set<Resource> out) {
    for (Resource t : model.resources()) {
      if (kind.test(t) && t.scope().equals(user.scope())) out.add(t);
    }
  }
}
