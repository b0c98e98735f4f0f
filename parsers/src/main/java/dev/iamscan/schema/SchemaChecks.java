package dev.iamscan.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks values of the resource model against iamscan's JSON Schemas (networknt, draft 2020-12) and
 * turns each schema error into a problem at the offending key.
 *
 * <p>Errors about unknown values are dropped (see {@link JsonTree}): only the checks that depend on
 * keys alone (unknown, missing, conflicting or forbidden members) apply to a part of the tree that
 * holds an unknown value.
 */
public final class SchemaChecks {
  /** Which policy grammar applies: identity policies name resources, the others name principals. */
  public enum PolicyKind {
    IDENTITY("identity"),
    TRUST("trust"),
    RESOURCE("resource"),
    /** A service policy that may or may not name principals: only what both kinds share. */
    ANY("any");

    private final String schema;

    PolicyKind(String schema) {
      this.schema = schema;
    }
  }

  private SchemaChecks() {}

  /**
   * A policy document in its JSON form (an object, or a string already read as JSON), checked
   * against the policy grammar.
   *
   * @param at where a problem about the document as a whole points
   */
  public static List<SchemaProblem> policy(Value document, PolicyKind kind, SourceRange at) {
    CompiledSchemas.Entry e = CompiledSchemas.get().find("policy/" + kind.schema).orElseThrow();
    return check(e, document, at, "policy element");
  }

  /**
   * Every schema problem of a resource as written: its CloudFormation entry keys and its arguments
   * or Properties. Nothing for what the schemas cannot judge: data sources and other block kinds,
   * resources read from a plan without their configuration (which hold computed attributes), and
   * templates a macro rewrites before CloudFormation reads them (the written form may use
   * properties and entry keys that only the macro understands).
   */
  public static List<SchemaProblem> resource(Resource r) {
    if (!r.kind().equals("resource") || fromPlanOnly(r)) return List.of();
    if (r.format() == Format.CLOUDFORMATION && r.attributes().has("Transform")) return List.of();
    List<SchemaProblem> problems = new ArrayList<>();
    if (r.format() == Format.CLOUDFORMATION) problems.addAll(cloudFormationEntry(r));
    problems.addAll(resourceBody(r, bodyWritten(r)));
    // Attributes a plan adds to a configured resource (arn, id, tags_all) sit at its head: they
    // were computed, not written.
    problems.removeIf(p -> p.kind() == SchemaProblem.Kind.UNKNOWN_MEMBER && p.range().equals(r.headRange()));
    return problems;
  }

  /** A resource read from a plan without its configuration holds computed attributes too. */
  private static boolean fromPlanOnly(Resource r) {
    String file = r.range().file();
    return r.format() == Format.TERRAFORM && file.endsWith(".json") && !file.endsWith(".tf.json");
  }

  /**
   * The CloudFormation parser gives a resource without Properties, and one whose Properties depend
   * on Fn::If, the same empty body placed at the logical id; missing properties are not reported
   * there, since the second case is not known.
   */
  private static boolean bodyWritten(Resource r) {
    if (r.format() != Format.CLOUDFORMATION) return true;
    return !(r.body().size() == 0
        && r.body().range().startLine() == r.headRange().startLine()
        && r.body().range().startColumn() == r.headRange().startColumn());
  }

  /**
   * The arguments (Terraform) or Properties (CloudFormation) of a resource of a type iamscan knows;
   * empty for other types.
   *
   * @param bodyWritten whether the body holds what was written; when false (CloudFormation without
   *     Properties, or Properties chosen by {@code Fn::If}), missing members are not reported
   */
  private static final Set<String> TERRAFORM_META_BLOCKS =
      Set.of("provisioner", "connection", "lifecycle", "depends_on", "count", "for_each", "provider");

  public static List<SchemaProblem> resourceBody(Resource r, boolean bodyWritten) {
    Optional<CompiledSchemas.Entry> e = CompiledSchemas.get().find(schemaName(r.format(), r.type()));
    if (e.isEmpty() || !r.kind().equals("resource")) return List.of();
    String noun = r.format() == Format.CLOUDFORMATION ? r.type() + " property" : r.type() + " argument";
    Value.ObjectValue body = r.body();
    if (r.format() == Format.TERRAFORM) {
      // Meta-arguments valid in every resource block; count, for_each, depends_on, provider and
      // lifecycle are kept apart by the parser already.
      List<Value.Field> kept = new ArrayList<>();
      for (Value.Field f : body.fields()) if (!TERRAFORM_META_BLOCKS.contains(f.key())) kept.add(f);
      if (kept.size() != body.size()) body = new Value.ObjectValue(kept, body.range());
    }
    List<SchemaProblem> out = check(e.get(), body, r.headRange(), noun);
    if (!bodyWritten) out.removeIf(p -> p.kind() == SchemaProblem.Kind.MISSING_MEMBER && p.pointer().isEmpty());
    return out;
  }

  private static String schemaName(Format format, String type) {
    return (format == Format.CLOUDFORMATION ? "cloudformation/" : "terraform/") + type;
  }

  /**
   * A CloudFormation resource entry: its Type and the entry attributes besides Properties
   * ({@code DependsOn}, {@code Condition}, {@code DeletionPolicy}, ...). The Type is reported at the
   * logical id, since the model keeps the type but not where it was written.
   */
  public static List<SchemaProblem> cloudFormationEntry(Resource r) {
    if (r.format() != Format.CLOUDFORMATION) return List.of();
    CompiledSchemas.Entry e = CompiledSchemas.get().find("cloudformation/entry").orElseThrow();
    List<Value.Field> fields = new ArrayList<>();
    fields.add(new Value.Field("Type", r.headRange(), new Value.Text(r.type(), r.headRange())));
    // what the parser adds (under which condition the resource exists) was not written
    r.attributes().fields().stream()
        .filter(f -> !f.key().equals(Resource.APPLIES_WHEN) && !f.key().equals(Resource.OFF_BY_DEFAULT)).forEach(fields::add);
    return check(e, new Value.ObjectValue(fields, r.range()), r.headRange(), "resource attribute");
  }

  private static List<SchemaProblem> check(CompiledSchemas.Entry entry, Value value, SourceRange at, String memberNoun) {
    JsonTree tree = JsonTree.of(value);
    if (tree.underUnknown("")) return new ArrayList<>();
    List<Error> errors = entry.schema().validate(tree.root());
    Set<String> seen = new LinkedHashSet<>();
    List<SchemaProblem> out = new ArrayList<>();
    for (Error error : errors) {
      SchemaProblem p = translate(error, tree, entry.document(), at, memberNoun);
      // The same fact can come from more than one branch of the schema: report it once.
      if (p != null && seen.add(p.pointer() + '\u0000' + p.message())) out.add(p);
    }
    return out;
  }

  private static SchemaProblem translate(Error error, JsonTree tree, JsonNode document, SourceRange at, String memberNoun) {
    String pointer = pointer(error.getInstanceLocation());
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    String property = error.getProperty();
    switch (keyword) {
      case "additionalProperties" -> {
        if (property == null || property.indexOf(Value.Unknown.HOLE) >= 0) return null;
        String member = JsonTree.child(pointer, property);
        String hint = ClosestName.of(property, candidates(error, document))
            .map(c -> "; did you mean '" + c + "'?").orElse("");
        String noun = JsonTree.lastSegment(pointer).equals("Condition") ? "condition operator" : memberNoun;
        return new SchemaProblem(member, SchemaProblem.Kind.UNKNOWN_MEMBER,
            "unknown " + noun + " '" + display(member) + "'" + hint, rangeOf(tree, member, at));
      }
      case "required" -> {
        if (property == null || tree.underUnknown(pointer)) return null;
        String where = pointer.isEmpty() ? "" : " in '" + display(pointer) + "'";
        String also = requiredAlternative(property);
        return new SchemaProblem(pointer, SchemaProblem.Kind.MISSING_MEMBER,
            "missing required " + memberNoun + " '" + property + "'" + also + where, rangeOf(tree, pointer, at));
      }
      case "not" -> {
        // Only used as dependentSchemas: {A: {not: {required: [B]}}}: A and B exclude each other.
        JsonNode required = error.getSchemaNode() == null ? null : error.getSchemaNode().path("required").path(0);
        if (required == null || !required.isTextual()) return null;
        String second = required.asText();
        String first = second.startsWith("Not") ? second.substring(3) : second;
        String member = JsonTree.child(pointer, second);
        return new SchemaProblem(member, SchemaProblem.Kind.CONFLICTING_MEMBERS,
            "'" + display(pointer) + "' has both " + first + " and " + second + "; use exactly one of them",
            rangeOf(tree, member, at));
      }
      case "false" -> {
        String member = property != null && !pointer.endsWith("/" + property) ? JsonTree.child(pointer, property) : pointer;
        if (JsonTree.lastSegment(member).indexOf(Value.Unknown.HOLE) >= 0) return null;
        return new SchemaProblem(member, SchemaProblem.Kind.FORBIDDEN_MEMBER,
            "'" + display(member) + "' is not allowed here" + forbiddenReason(member), rangeOf(tree, member, at));
      }
      default -> {
        if (tree.containsUnknown(pointer)) return null;
        return valueProblem(error, keyword, pointer, tree, at);
      }
    }
  }

  private static SchemaProblem valueProblem(Error error, String keyword, String pointer, JsonTree tree, SourceRange at) {
    JsonNode instance = error.getInstanceNode();
    JsonNode schemaNode = error.getSchemaNode();
    String name = display(pointer);
    String shown = instance == null ? "" : instance.isTextual() ? instance.asText() : String.valueOf(instance);
    SchemaProblem.Kind kind = SchemaProblem.Kind.INVALID_VALUE;
    String message;
    switch (keyword) {
      case "type" -> {
        kind = SchemaProblem.Kind.WRONG_TYPE;
        message = "'" + name + "' must be " + expectedTypes(schemaNode) + ", not " + typeName(instance);
      }
      case "enum" -> message = "'" + name + "' is '" + shown + "'; valid values are " + listed(schemaNode);
      case "const" -> message = "'" + name + "' is '" + shown + "'; the only valid value is " + listed(schemaNode);
      case "pattern" -> {
        String pattern = schemaNode == null ? "" : schemaNode.asText();
        String expected;
        if (name.endsWith("Sid")) expected = "a Sid may hold only letters and digits";
        else if (name.equals("Type")) expected = "a type name is two or more names joined by '::' (AWS::IAM::Role)";
        else if (pattern.contains("true|false")) expected = "it must be true or false";
        else if (pattern.contains("[0-9]")) expected = "it must be a number";
        else expected = "it is not a valid value here";
        message = "'" + name + "' is '" + shown + "'; " + expected;
      }
      case "minProperties" -> message = "'" + name + "' must not be empty";
      default -> message = "'" + name + "': " + error.getMessage();
    }
    return new SchemaProblem(pointer, kind, message, rangeOf(tree, pointer, at));
  }

  /** Where a member was written: its key, else its value, else the fallback. */
  private static SourceRange rangeOf(JsonTree tree, String pointer, SourceRange at) {
    if (pointer.isEmpty()) return at;
    SourceRange r = tree.keyOrValue(pointer);
    return r == null ? at : r;
  }

  /** Names the schema allows next to a rejected one: its {@code properties} and {@code examples}. */
  private static Collection<String> candidates(Error error, JsonNode document) {
    Set<String> out = new TreeSet<>();
    if (error.getSchemaLocation() == null) return out;
    String keywordAt = pointer(error.getSchemaLocation().getFragment());
    JsonNode schema = document.at(JsonTree.parent(keywordAt));
    schema.path("properties").fieldNames().forEachRemaining(out::add);
    for (JsonNode example : schema.path("examples")) if (example.isTextual()) out.add(example.asText());
    return out;
  }

  private static String requiredAlternative(String property) {
    return switch (property) {
      case "Action", "Resource", "Principal" -> " (or Not" + property + ")";
      default -> "";
    };
  }

  private static String forbiddenReason(String member) {
    String last = JsonTree.lastSegment(member);
    return last.equals("Principal") || last.equals("NotPrincipal")
        ? ": an identity policy applies to the identity it is attached to and cannot name a principal"
        : "";
  }

  private static String expectedTypes(JsonNode typeNode) {
    List<String> names = new ArrayList<>();
    if (typeNode != null && typeNode.isArray()) {
      for (JsonNode t : typeNode) names.add(article(t.asText()));
    } else if (typeNode != null && typeNode.isTextual()) {
      names.add(article(typeNode.asText()));
    }
    // Scalar-accepting types read better as one word.
    if (names.containsAll(List.of("a string", "a number", "a boolean"))) {
      names.removeAll(List.of("a string", "a number", "a boolean"));
      names.add(0, "a string or other scalar");
    }
    return names.isEmpty() ? "of another type" : String.join(" or ", names);
  }

  private static String article(String jsonType) {
    return switch (jsonType) {
      case "array" -> "a list";
      case "object" -> "a mapping";
      case "integer" -> "an integer";
      default -> "a " + jsonType;
    };
  }

  private static String typeName(JsonNode n) {
    if (n == null) return "another type";
    if (n.isArray()) return "a list";
    if (n.isObject()) return "a mapping";
    if (n.isTextual()) return "a string ('" + n.asText() + "')";
    if (n.isBoolean()) return "a boolean";
    if (n.isNumber()) return "a number";
    return "null";
  }

  private static String listed(JsonNode values) {
    if (values == null) return "";
    if (!values.isArray()) return "'" + values.asText() + "'";
    List<String> out = new ArrayList<>();
    for (JsonNode v : values) out.add("'" + v.asText() + "'");
    return String.join(", ", out);
  }

  /** A JSON pointer from the validator's path, whatever notation it is configured to print. */
  static String pointer(NodePath path) {
    if (path == null) return "";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object e = path.getElement(i);
      String s = String.valueOf(e);
      b.append('/').append(s.replace("~", "~0").replace("/", "~1"));
    }
    return b.toString();
  }

  /** {@code Statement[0].Condition.StringEqual} for messages. */
  static String display(String pointer) {
    if (pointer.isEmpty()) return "(document)";
    StringBuilder b = new StringBuilder();
    for (String seg : pointer.substring(1).split("/", -1)) {
      String s = seg.replace("~1", "/").replace("~0", "~");
      if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) b.append('[').append(s).append(']');
      else b.append(b.length() == 0 ? "" : ".").append(s);
    }
    return b.toString();
  }
}
