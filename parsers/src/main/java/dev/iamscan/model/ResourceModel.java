package dev.iamscan.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every resource of a scan, whatever its format, with reference lookup inside a scope. */
public final class ResourceModel {
  private final List<Resource> resources;
  private final Map<String, Resource> byScopedAddress = new HashMap<>();
  private final Map<String, List<Resource>> byType = new HashMap<>();

  public ResourceModel(List<Resource> resources) {
    this.resources = List.copyOf(resources);
    for (Resource r : this.resources) {
      byScopedAddress.putIfAbsent(r.scope() + SCOPE_SEPARATOR + r.address(), r);
      byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
    }
  }

  public List<Resource> resources() {
    return resources;
  }

  /** Resources of a type ({@code aws_iam_role}, {@code AWS::IAM::Role}), in scan order. */
  public List<Resource> ofType(String type) {
    return byType.getOrDefault(type, List.of());
  }

  /** The resource a reference written in {@code from} points at, when it is in the scan. */
  public Optional<Resource> resolve(Resource from, Value.Reference ref) {
    return lookup(from.scope(), ref.target());
  }

  public Optional<Resource> lookup(String scope, String address) {
    String key = address.indexOf(SCOPE_SEPARATOR) >= 0 ? address : scope + SCOPE_SEPARATOR + address;
    return Optional.ofNullable(byScopedAddress.get(key));
  }

  /** Separates the scope from the address in a {@link #scopedTarget scoped target}. */
  public static final char SCOPE_SEPARATOR = '\u0000';

  /**
   * A reference target that resolves in {@code scope} wherever it is used: a value a module call
   * passes into a child, or a module output handed back to the caller, still names a resource of
   * the module it was written in.
   */
  public static String scopedTarget(String scope, String address) {
    return address.indexOf(SCOPE_SEPARATOR) >= 0 ? address : scope + SCOPE_SEPARATOR + address;
  }
}
