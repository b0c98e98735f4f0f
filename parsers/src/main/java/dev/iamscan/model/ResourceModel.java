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
      byScopedAddress.putIfAbsent(r.scope() + "\u0000" + r.address(), r);
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
    return Optional.ofNullable(byScopedAddress.get(scope + "\u0000" + address));
  }
}
