package dev.iamscan.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A located value of the resource model. Every value knows where it was written. A value is either
 * known (text, number, boolean, null, list, object) or not ({@link Unknown}, {@link Reference} to
 * another resource, {@link Conditional} with two possible outcomes). Rules act only on what is
 * known.
 */
public sealed interface Value
    permits Value.Text, Value.Num, Value.Bool, Value.Null, Value.ListValue, Value.ObjectValue,
        Value.Unknown, Value.Reference, Value.Conditional {

  SourceRange range();

  /** True for literals, lists and objects (whose members may still be unknown). */
  default boolean isKnown() {
    return !(this instanceof Unknown || this instanceof Reference || this instanceof Conditional);
  }

  /** The string form of a known scalar (text, number or boolean). */
  default Optional<String> scalar() {
    if (this instanceof Text t) return Optional.of(t.value());
    if (this instanceof Num n) return Optional.of(n.text());
    if (this instanceof Bool b) return Optional.of(Boolean.toString(b.value()));
    return Optional.empty();
  }

  /** The items of a list, or this value alone: policy fields accept a string or a list. */
  default List<Value> elements() {
    if (this instanceof ListValue l) return l.items();
    if (this instanceof Null) return List.of();
    return List.of(this);
  }

  /** The object, or empty when this is not an object. */
  default Optional<ObjectValue> asObject() {
    return this instanceof ObjectValue o ? Optional.of(o) : Optional.empty();
  }

  /**
   * A string. {@code verbatim} says that the characters of {@code value} stand in the file as they
   * are from the start of {@code range} on (heredocs, YAML block scalars, whole files), so that a
   * line inside the text maps to {@code range.startLine() + n}; otherwise (escapes, computed text)
   * positions inside it are not known and its start is used.
   */
  record Text(String value, SourceRange range, boolean verbatim, Origin origin) implements Value {
    public Text {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(range, "range");
    }

    public Text(String value, SourceRange range, boolean verbatim) {
      this(value, range, verbatim, null);
    }

    public Text(String value, SourceRange range) {
      this(value, range, false, null);
    }

    /** The same text, saying that it was taken from {@code origin}. */
    public Text from(Origin origin) {
      return new Text(value, range, verbatim, origin);
    }
  }

  /**
   * Where a string written elsewhere came from, when it is used in another place: the default of a
   * CloudFormation parameter (placed at the {@code Ref} that uses it) or of a Terraform variable.
   * Messages name it so that a reviewer finds the text to change.
   *
   * @param description what it is, for messages: {@code the default of parameter DbPassword}
   * @param range where it is written
   */
  record Origin(String description, SourceRange range) {
    public Origin {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(range, "range");
    }
  }

  /** A number, kept as written ({@code 012345678901} stays an account id). */
  record Num(String text, SourceRange range) implements Value {
    public Num {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(range, "range");
    }
  }

  record Bool(boolean value, SourceRange range) implements Value {
    public Bool {
      Objects.requireNonNull(range, "range");
    }
  }

  /** An explicit null, or CloudFormation's {@code AWS::NoValue}: the attribute is absent. */
  record Null(SourceRange range) implements Value {
    public Null {
      Objects.requireNonNull(range, "range");
    }
  }

  record ListValue(List<Value> items, SourceRange range) implements Value {
    public ListValue {
      items = List.copyOf(items);
      Objects.requireNonNull(range, "range");
    }
  }

  /** One key of an object or one attribute or nested block of a block, with the key's position. */
  record Field(String key, SourceRange keyRange, Value value) {
    public Field {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(keyRange, "keyRange");
      Objects.requireNonNull(value, "value");
    }

    /**
     * From the key to the end of the value, when the value is written right there; otherwise (a
     * value resolved from a variable default or a parameter elsewhere) just the key.
     */
    public SourceRange range() {
      SourceRange v = value.range();
      // A value starts on its key's line, or just below it (YAML block sequences and mappings).
      boolean after = v.file().equals(keyRange.file())
          && ((v.startLine() > keyRange.startLine() && v.startLine() <= keyRange.startLine() + 2)
              || (v.startLine() == keyRange.startLine() && v.startColumn() >= keyRange.startColumn()));
      return after ? keyRange.span(v) : keyRange;
    }
  }

  /**
   * An object or a block body. Keys keep their order; when a key repeats (Terraform nested blocks
   * such as {@code statement}), {@link #get} returns the first and {@link #all} every occurrence.
   */
  final class ObjectValue implements Value {
    private final List<Field> fields;
    private final Map<String, List<Field>> index;
    private final SourceRange range;

    public ObjectValue(List<Field> fields, SourceRange range) {
      this.fields = List.copyOf(fields);
      this.range = Objects.requireNonNull(range, "range");
      Map<String, List<Field>> m = new LinkedHashMap<>();
      for (Field f : this.fields) m.computeIfAbsent(f.key(), k -> new ArrayList<>(1)).add(f);
      this.index = m;
    }

    public static ObjectValue empty(SourceRange range) {
      return new ObjectValue(List.of(), range);
    }

    @Override
    public SourceRange range() {
      return range;
    }

    public List<Field> fields() {
      return fields;
    }

    public boolean has(String key) {
      return index.containsKey(key);
    }

    public Optional<Field> field(String key) {
      List<Field> l = index.get(key);
      return l == null ? Optional.empty() : Optional.of(l.get(0));
    }

    public Optional<Value> get(String key) {
      return field(key).map(Field::value);
    }

    /** Every field with this key, in order. */
    public List<Field> all(String key) {
      List<Field> l = index.get(key);
      return l == null ? List.of() : Collections.unmodifiableList(l);
    }

    /**
     * The objects under a key: each repeated nested block, each object of a list, or a single
     * object. Other values are left out.
     */
    public List<ObjectValue> blocks(String key) {
      List<ObjectValue> out = new ArrayList<>();
      for (Field f : all(key)) {
        for (Value v : f.value().elements()) {
          if (v instanceof ObjectValue o) out.add(o);
        }
      }
      return out;
    }

    /** A known string (or number or boolean) under a key. */
    public Optional<String> string(String key) {
      return get(key).flatMap(Value::scalar);
    }

    public Optional<ObjectValue> object(String key) {
      return get(key).flatMap(Value::asObject);
    }

    public int size() {
      return fields.size();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ObjectValue other && other.fields.equals(fields) && other.range.equals(range);
    }

    @Override
    public int hashCode() {
      return Objects.hash(fields, range);
    }

    @Override
    public String toString() {
      return "ObjectValue" + fields;
    }
  }

  /**
   * An expression the scanner could not resolve; {@code expression} is its source text, for messages.
   *
   * @param partial for a string template with some unresolved interpolations, the text with each
   *     unresolved part replaced by {@link #HOLE}; null otherwise. It lets the policy reader see the
   *     structure of a heredoc policy whose ARNs are computed, without guessing their values.
   * @param references the references to other resources the expression was computed from, as far
   *     as the evaluator followed them (through locals, interpolations and function arguments:
   *     {@code base64encode(local.script)} whose local interpolates {@code aws_iam_access_key.k.secret});
   *     empty when none or not followed. They say where an unknown value's content comes from.
   */
  record Unknown(String expression, SourceRange range, Text partial, List<Reference> references) implements Value {
    /** Stands for an unresolved part inside {@link #partial} text (a private-use character). */
    public static final char HOLE = '\uE000';

    public Unknown {
      Objects.requireNonNull(expression, "expression");
      Objects.requireNonNull(range, "range");
      references = references == null ? List.of() : List.copyOf(references);
    }

    public Unknown(String expression, SourceRange range, Text partial) {
      this(expression, range, partial, List.of());
    }

    public Unknown(String expression, SourceRange range) {
      this(expression, range, null, List.of());
    }

    /** The same unknown, computed from {@code from}. */
    public Unknown withReferences(List<Reference> from) {
      return new Unknown(expression, range, partial, from);
    }
  }

  /**
   * A reference to another resource of the same scope: Terraform {@code aws_iam_user.deploy.name}
   * (target {@code aws_iam_user.deploy}, attribute {@code name}; data sources as
   * {@code data.TYPE.NAME}) or CloudFormation {@code Ref} / {@code Fn::GetAtt} (target the logical
   * id, attribute null for Ref). Its value is not known before deployment, its target is.
   */
  record Reference(String target, String attribute, String expression, SourceRange range)
      implements Value {
    public Reference {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(expression, "expression");
      Objects.requireNonNull(range, "range");
    }
  }

  /**
   * One of two values depending on a condition whose outcome is not known (CloudFormation
   * {@code Fn::If}, a Terraform conditional on an unknown). Either branch may be deployed.
   *
   * @param byDefault the condition's outcome when every parameter keeps its default, or null when
   *     that is not known (a parameter without a default, a pseudo parameter)
   */
  record Conditional(String condition, Value whenTrue, Value whenFalse, SourceRange range, Boolean byDefault)
      implements Value {
    public Conditional {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(whenTrue, "whenTrue");
      Objects.requireNonNull(whenFalse, "whenFalse");
      Objects.requireNonNull(range, "range");
    }

    public Conditional(String condition, Value whenTrue, Value whenFalse, SourceRange range) {
      this(condition, whenTrue, whenFalse, range, null);
    }
  }
}
