package dev.iamscan.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * iamscan's schemas, read from the class path and compiled once, on first use, then shared: the
 * holder is immutable and the compiled schemas are safe to use from parallel scans.
 */
final class CompiledSchemas {
  static final String POLICY = "policy.json";
  static final String CLOUDFORMATION = "cloudformation.json";
  static final String TERRAFORM = "terraform.json";
  private static final String BASE = "https://iamscan.dev/schema/";

  /** A compiled schema with the raw document it came from, to read property names for suggestions. */
  record Entry(Schema schema, JsonNode document) {}

  private final Map<String, Entry> byName;

  private CompiledSchemas() {
    ObjectMapper mapper = new ObjectMapper();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Map<String, Entry> m = new LinkedHashMap<>();
    JsonNode policy = read(mapper, POLICY);
    for (String kind : new String[] {"identity", "trust", "resource", "any"}) {
      m.put("policy/" + kind, compile(registry, policy, POLICY, kind));
    }
    JsonNode cfn = read(mapper, CLOUDFORMATION);
    m.put("cloudformation/entry", compile(registry, cfn, CLOUDFORMATION, "entry"));
    cfn.get("$defs").fieldNames().forEachRemaining(name -> {
      if (name.contains("::")) m.put("cloudformation/" + name, compile(registry, cfn, CLOUDFORMATION, name));
    });
    JsonNode tf = read(mapper, TERRAFORM);
    tf.get("$defs").fieldNames().forEachRemaining(name -> {
      if (name.startsWith("aws_")) m.put("terraform/" + name, compile(registry, tf, TERRAFORM, name));
    });
    this.byName = Map.copyOf(m);
  }

  static CompiledSchemas get() {
    return Holder.INSTANCE;
  }

  Optional<Entry> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * One definition of a schema file as a root: the file with a {@code $ref} to that definition, under
   * its own address so that each root is compiled (and cached by the registry) separately.
   */
  private static Entry compile(SchemaRegistry registry, JsonNode file, String fileName, String definition) {
    ObjectNode root = file.deepCopy();
    root.put("$ref", "#/$defs/" + definition);
    String id = BASE + fileName.replace(".json", "") + "/" + definition.replace("::", "-") + ".json";
    Schema schema = registry.getSchema(SchemaLocation.of(id), root);
    schema.initializeValidators();
    return new Entry(schema, root);
  }

  private static JsonNode read(ObjectMapper mapper, String name) {
    try (InputStream in = CompiledSchemas.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("schema resource missing: " + name);
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Initialised by the class loader on first use, exactly once. */
  private static final class Holder {
    static final CompiledSchemas INSTANCE = new CompiledSchemas();
  }
}
