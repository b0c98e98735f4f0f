package dev.iamscan.rules.graph;

import dev.iamscan.json.JsonValueReader;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.Value;
import dev.iamscan.policy.PolicyDocument;
import dev.iamscan.policy.PolicyReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The content of the AWS-managed policies iamscan knows, as data ({@code aws-managed-policies.json},
 * copied from the policies AWS publishes): those that make or nearly make an administrator. Another
 * AWS-managed policy's content is unknown, so it grants nothing the scan could be sure of.
 */
final class AwsManagedPolicies {
  static final String RESOURCE = "/dev/iamscan/rules/graph/aws-managed-policies.json";

  private AwsManagedPolicies() {}

  /** The policy document of an AWS-managed policy by name, when known. */
  static Optional<PolicyDocument> byName(String name) {
    return Optional.ofNullable(Holder.POLICIES.get(name));
  }

  static Map<String, PolicyDocument> all() {
    return Holder.POLICIES;
  }

  private static final class Holder {
    static final Map<String, PolicyDocument> POLICIES = load();
  }

  static Map<String, PolicyDocument> load() {
    String text;
    try (InputStream in = AwsManagedPolicies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonValueReader.Result r = JsonValueReader.readFile(text, "aws-managed-policies.json");
    if (!r.ok() || !(r.value() instanceof Value.ObjectValue o)) {
      throw new IllegalStateException("unreadable " + RESOURCE + ": " + r.error());
    }
    PolicyReader reader = new PolicyReader(new ResourceModel(java.util.List.of()));
    Map<String, PolicyDocument> out = new LinkedHashMap<>();
    for (Value.Field f : o.fields()) {
      PolicyDocument d = reader.read(f.value(), null);
      if (!d.problems().isEmpty() || d.unknown()) {
        throw new IllegalStateException(RESOURCE + ": policy " + f.key() + " does not read: " + d.problems());
      }
      out.put(f.key(), d);
    }
    return Map.copyOf(out);
  }
}
