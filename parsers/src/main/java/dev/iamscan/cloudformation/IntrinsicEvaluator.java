package dev.iamscan.cloudformation;

import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates CloudFormation intrinsic functions (in long form) into model values, as far as the
 * template alone allows: parameter defaults, {@code Mappings}, {@code Fn::Sub} variables. What
 * depends on the deployment (pseudo parameters, other resources, imports) stays unknown, with an
 * expression that keeps the resolved parts so that rules can still recognise e.g.
 * {@code arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess}.
 */
final class IntrinsicEvaluator {
  private static final String NO_VALUE = "AWS::NoValue";

  /** Ref, GetAtt and Sub resolve names in this order: Sub variables, parameters, resources. */
  private final Map<String, Parameter> parameters;
  private final Set<String> resources;
  private final Value.ObjectValue mappings;

  /** A template parameter; {@code defaultValue} is null when it has none. */
  record Parameter(String name, String type, Value defaultValue) {}

  /** The template's Conditions section, for what each condition is under the parameter defaults. */
  private final Value.ObjectValue conditions;
  private final Map<String, Optional<Boolean>> conditionDefaults = new HashMap<>();

  IntrinsicEvaluator(Map<String, Parameter> parameters, Set<String> resources, Value.ObjectValue mappings) {
    this(parameters, resources, mappings, null);
  }

  IntrinsicEvaluator(Map<String, Parameter> parameters, Set<String> resources, Value.ObjectValue mappings,
      Value.ObjectValue conditions) {
    this.parameters = Map.copyOf(parameters);
    this.resources = Set.copyOf(resources);
    this.mappings = mappings;
    this.conditions = conditions;
  }

  /**
   * A condition's outcome when every parameter keeps its default: {@code Fn::Equals} of values
   * known that way, {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or} and other conditions; empty
   * when anything it depends on is not known.
   */
  Optional<Boolean> conditionByDefault(String name) {
    if (conditions == null) return Optional.empty();
    if (conditionDefaults.containsKey(name)) return conditionDefaults.get(name);
    conditionDefaults.put(name, Optional.empty()); // a cycle stays unknown
    Optional<Boolean> r = conditions.get(name).flatMap(c -> booleanOf(c, 0));
    conditionDefaults.put(name, r);
    return r;
  }

  private Optional<Boolean> booleanOf(Value v, int depth) {
    if (depth > 16 || !(v instanceof Value.ObjectValue o) || o.size() != 1) return Optional.empty();
    Value.Field f = o.fields().get(0);
    List<Value> args = f.value().elements();
    switch (f.key()) {
      case "Condition" -> {
        return f.value().scalar().flatMap(this::conditionByDefault);
      }
      case "Fn::Equals" -> {
        if (args.size() != 2) return Optional.empty();
        Optional<String> a = evaluate(args.get(0)).scalar();
        Optional<String> b = evaluate(args.get(1)).scalar();
        if (a.isEmpty() || b.isEmpty()) return Optional.empty();
        return Optional.of(a.get().equals(b.get()));
      }
      case "Fn::Not" -> {
        return args.size() == 1 ? booleanOf(args.get(0), depth + 1).map(x -> !x) : Optional.empty();
      }
      case "Fn::And", "Fn::Or" -> {
        boolean and = f.key().equals("Fn::And");
        boolean unknown = false;
        for (Value a : args) {
          Optional<Boolean> x = booleanOf(a, depth + 1);
          if (x.isEmpty()) {
            unknown = true;
          } else if (x.get() != and) {
            return Optional.of(!and);
          }
        }
        return unknown ? Optional.empty() : Optional.of(and);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  Value evaluate(Value v) {
    if (v instanceof Value.ObjectValue o) {
      if (o.size() == 1) {
        Value.Field f = o.fields().get(0);
        Optional<Value> fn = intrinsic(f.key(), f.value(), o.range());
        if (fn.isPresent()) return fn.get();
      }
      List<Value.Field> fields = new ArrayList<>(o.size());
      for (Value.Field f : o.fields()) {
        fields.add(new Value.Field(f.key(), f.keyRange(), evaluate(f.value())));
      }
      return new Value.ObjectValue(fields, o.range());
    }
    if (v instanceof Value.ListValue l) {
      List<Value> items = new ArrayList<>(l.items().size());
      for (Value item : l.items()) {
        // CloudFormation drops list items that are AWS::NoValue.
        if (isNoValue(item)) continue;
        items.add(evaluate(item));
      }
      return new Value.ListValue(items, l.range());
    }
    return v;
  }

  private static boolean isNoValue(Value v) {
    return v instanceof Value.ObjectValue o && o.size() == 1
        && o.fields().get(0).key().equals("Ref")
        && o.fields().get(0).value() instanceof Value.Text t && t.value().equals(NO_VALUE);
  }

  /**
   * The value of {@code {key: arg}} when key is an intrinsic function, empty when the object is
   * ordinary data. {@code Condition} is left alone: it is also an IAM statement key.
   */
  private Optional<Value> intrinsic(String key, Value arg, SourceRange range) {
    return Optional.ofNullable(switch (key) {
      case "Ref" -> ref(arg, range);
      case "Fn::GetAtt" -> getAtt(arg, range);
      case "Fn::Sub" -> sub(arg, range);
      case "Fn::Join" -> join(arg, range);
      case "Fn::If" -> ifThen(arg, range);
      case "Fn::Select" -> select(arg, range);
      case "Fn::Split" -> split(arg, range);
      case "Fn::FindInMap" -> findInMap(arg, range);
      case "Fn::Base64" -> evaluate(arg);
      case "Fn::Cidr", "Fn::ImportValue", "Fn::GetAZs", "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or",
          "Fn::Transform", "Fn::ToJsonString", "Fn::Length", "Fn::ForEach" ->
          new Value.Unknown(key + " " + render(arg), range);
      default -> null;
    });
  }

  private Value ref(Value arg, SourceRange range) {
    if (!(arg instanceof Value.Text t)) return new Value.Unknown("Ref " + render(arg), range);
    String name = t.value();
    if (name.equals(NO_VALUE)) return new Value.Null(range);
    Parameter p = parameters.get(name);
    if (p != null) {
      if (p.defaultValue() == null) return new Value.Unknown("${" + name + "}", range);
      return parameterValue(p, range);
    }
    if (resources.contains(name)) return new Value.Reference(name, null, "!Ref " + name, range);
    return new Value.Unknown("${" + name + "}", range);
  }

  /** A parameter's default, placed at the reference; list parameters become lists. */
  private static Value parameterValue(Parameter p, SourceRange at) {
    Value d = p.defaultValue();
    Value.Origin origin = new Value.Origin("the default of parameter " + p.name(), d.range());
    boolean list = p.type() != null && (p.type().equals("CommaDelimitedList") || p.type().startsWith("List<"));
    if (list && d.scalar().isPresent()) {
      List<Value> items = new ArrayList<>();
      for (String part : d.scalar().get().split(",", -1)) items.add(new Value.Text(part.strip(), at).from(origin));
      return new Value.ListValue(items, at);
    }
    Value placed = placeAt(d, at);
    return placed instanceof Value.Text t ? t.from(origin) : placed;
  }

  /** Scalars take the position of the expression that produced them. */
  private static Value placeAt(Value v, SourceRange at) {
    if (v instanceof Value.Text t) return new Value.Text(t.value(), at);
    if (v instanceof Value.Num n) return new Value.Num(n.text(), at);
    if (v instanceof Value.Bool b) return new Value.Bool(b.value(), at);
    if (v instanceof Value.Null) return new Value.Null(at);
    if (v instanceof Value.ListValue l) return new Value.ListValue(l.items(), at);
    return v;
  }

  private Value getAtt(Value arg, SourceRange range) {
    String target = null;
    String attribute = null;
    if (arg instanceof Value.Text t) {
      int dot = t.value().indexOf('.');
      if (dot > 0) {
        target = t.value().substring(0, dot);
        attribute = t.value().substring(dot + 1);
      }
    } else if (arg instanceof Value.ListValue l && l.items().size() == 2) {
      Optional<String> a = l.items().get(0).scalar();
      Optional<String> b = evaluate(l.items().get(1)).scalar();
      if (a.isPresent() && b.isPresent()) {
        target = a.get();
        attribute = b.get();
      }
    }
    if (target == null) return new Value.Unknown("Fn::GetAtt " + render(arg), range);
    return new Value.Reference(target, attribute, "!GetAtt " + target + "." + attribute, range);
  }

  private Value sub(Value arg, SourceRange range) {
    Value.Text template;
    Value.ObjectValue vars = null;
    if (arg instanceof Value.Text t) {
      template = t;
    } else if (arg instanceof Value.ListValue l && !l.items().isEmpty() && l.items().get(0) instanceof Value.Text t) {
      template = t;
      if (l.items().size() > 1 && l.items().get(1) instanceof Value.ObjectValue o) vars = o;
    } else {
      return new Value.Unknown("Fn::Sub " + render(arg), range);
    }
    String s = template.value();
    StringBuilder out = new StringBuilder(s.length());
    // the same text with each unresolved part as a hole: a policy written with Sub stays readable
    StringBuilder partial = new StringBuilder(s.length());
    boolean known = true;
    boolean addedLines = false;
    int i = 0;
    while (i < s.length()) {
      int open = s.indexOf("${", i);
      if (open < 0) {
        out.append(s, i, s.length());
        partial.append(s, i, s.length());
        break;
      }
      int close = s.indexOf('}', open + 2);
      if (close < 0) {
        out.append(s, i, s.length());
        partial.append(s, i, s.length());
        break;
      }
      out.append(s, i, open);
      partial.append(s, i, open);
      String name = s.substring(open + 2, close);
      if (name.startsWith("!")) {
        // ${!Literal} is written out as ${Literal}.
        out.append("${").append(name, 1, name.length()).append('}');
        partial.append("${").append(name, 1, name.length()).append('}');
      } else {
        Optional<String> resolved = subVariable(name.strip(), vars);
        if (resolved.isPresent()) {
          out.append(resolved.get());
          partial.append(resolved.get());
          if (resolved.get().indexOf('\n') >= 0) addedLines = true;
        } else {
          known = false;
          out.append("${").append(name).append('}');
          partial.append(Value.Unknown.HOLE);
        }
      }
      i = close + 1;
    }
    boolean lines = template.verbatim() && !addedLines && s.indexOf('\n') >= 0;
    if (!known) {
      return new Value.Unknown(out.toString(), range,
          new Value.Text(partial.toString(), lines ? template.range() : range, lines));
    }
    // A block scalar keeps its line mapping as long as no substitution added lines.
    if (template.verbatim() && !addedLines && s.indexOf('\n') >= 0) return new Value.Text(out.toString(), template.range(), true);
    return new Value.Text(out.toString(), range);
  }

  private Optional<String> subVariable(String name, Value.ObjectValue vars) {
    if (vars != null && vars.has(name)) {
      return evaluate(vars.get(name).orElseThrow()).scalar();
    }
    Parameter p = parameters.get(name);
    if (p != null && p.defaultValue() != null) return p.defaultValue().scalar();
    return Optional.empty();
  }

  private Value join(Value arg, SourceRange range) {
    if (!(arg instanceof Value.ListValue l) || l.items().size() != 2) {
      return new Value.Unknown("Fn::Join " + render(arg), range);
    }
    Optional<String> delimiter = evaluate(l.items().get(0)).scalar();
    Value parts = evaluate(l.items().get(1));
    if (delimiter.isEmpty() || !(parts instanceof Value.ListValue pl)) {
      return new Value.Unknown("Fn::Join " + render(arg), range);
    }
    StringBuilder out = new StringBuilder();
    StringBuilder partial = new StringBuilder();
    boolean known = true;
    for (int i = 0; i < pl.items().size(); i++) {
      if (i > 0) {
        out.append(delimiter.get());
        partial.append(delimiter.get());
      }
      Value part = pl.items().get(i);
      Optional<String> s = part.scalar();
      if (s.isPresent()) {
        out.append(s.get());
        partial.append(s.get());
      } else {
        known = false;
        out.append(placeholder(part));
        partial.append(part instanceof Value.Unknown u && u.partial() != null ? u.partial().value()
            : String.valueOf(Value.Unknown.HOLE));
      }
    }
    return known ? new Value.Text(out.toString(), range)
        : new Value.Unknown(out.toString(), range, new Value.Text(partial.toString(), range));
  }

  /** How an unknown part shows inside a joined expression: as a Sub-style {@code ${...}}. */
  private static String placeholder(Value part) {
    if (part instanceof Value.Reference r) {
      return "${" + r.target() + (r.attribute() == null ? "" : "." + r.attribute()) + "}";
    }
    if (part instanceof Value.Unknown u) {
      return u.expression().contains("${") ? u.expression() : "${" + u.expression() + "}";
    }
    return "${" + render(part) + "}";
  }

  private Value ifThen(Value arg, SourceRange range) {
    if (arg instanceof Value.ListValue l && l.items().size() == 3 && l.items().get(0).scalar().isPresent()) {
      String condition = l.items().get(0).scalar().get();
      return new Value.Conditional(condition, evaluate(l.items().get(1)), evaluate(l.items().get(2)), range,
          conditionByDefault(condition).orElse(null));
    }
    return new Value.Unknown("Fn::If " + render(arg), range);
  }

  private Value select(Value arg, SourceRange range) {
    if (arg instanceof Value.ListValue l && l.items().size() == 2) {
      Optional<String> index = evaluate(l.items().get(0)).scalar();
      Value list = evaluate(l.items().get(1));
      if (index.isPresent() && list instanceof Value.ListValue items) {
        try {
          int i = Integer.parseInt(index.get().strip());
          if (i >= 0 && i < items.items().size()) return items.items().get(i);
        } catch (NumberFormatException e) {
          // Not a number: CloudFormation rejects it; the value stays unknown.
        }
      }
    }
    return new Value.Unknown("Fn::Select " + render(arg), range);
  }

  private Value split(Value arg, SourceRange range) {
    if (arg instanceof Value.ListValue l && l.items().size() == 2) {
      Optional<String> delimiter = evaluate(l.items().get(0)).scalar();
      Optional<String> source = evaluate(l.items().get(1)).scalar();
      if (delimiter.isPresent() && source.isPresent() && !delimiter.get().isEmpty()) {
        List<Value> parts = new ArrayList<>();
        String s = source.get();
        String d = delimiter.get();
        int from = 0;
        int at;
        while ((at = s.indexOf(d, from)) >= 0) {
          parts.add(new Value.Text(s.substring(from, at), range));
          from = at + d.length();
        }
        parts.add(new Value.Text(s.substring(from), range));
        return new Value.ListValue(parts, range);
      }
    }
    return new Value.Unknown("Fn::Split " + render(arg), range);
  }

  private Value findInMap(Value arg, SourceRange range) {
    if (arg instanceof Value.ListValue l && (l.items().size() == 3 || l.items().size() == 4)) {
      Optional<String> map = evaluate(l.items().get(0)).scalar();
      Optional<String> top = evaluate(l.items().get(1)).scalar();
      Optional<String> second = evaluate(l.items().get(2)).scalar();
      if (map.isPresent() && top.isPresent() && second.isPresent()) {
        Optional<Value> found = mappings.object(map.get())
            .flatMap(m -> m.object(top.get()))
            .flatMap(m -> m.get(second.get()));
        if (found.isPresent()) return placeAt(evaluate(found.get()), range);
      }
      // Fn::FindInMap's optional DefaultValue (AWS::LanguageExtensions) applies when the key is missing.
      if (l.items().size() == 4 && l.items().get(3) instanceof Value.ObjectValue o && o.has("DefaultValue")) {
        if (map.isPresent() && top.isPresent() && second.isPresent()) {
          return evaluate(o.get("DefaultValue").orElseThrow());
        }
      }
    }
    return new Value.Unknown("Fn::FindInMap " + render(arg), range);
  }

  /** A short source-like rendering for unknown expressions in messages. */
  static String render(Value v) {
    if (v instanceof Value.Text t) return t.value();
    if (v instanceof Value.Unknown u) return u.expression();
    if (v instanceof Value.Reference r) return r.expression();
    if (v instanceof Value.ListValue l) {
      List<String> parts = new ArrayList<>();
      for (Value item : l.items()) parts.add(render(item));
      return "[" + String.join(", ", parts) + "]";
    }
    if (v instanceof Value.ObjectValue o) {
      List<String> parts = new ArrayList<>();
      for (Value.Field f : o.fields()) parts.add(f.key() + ": " + render(f.value()));
      return "{" + String.join(", ", parts) + "}";
    }
    if (v instanceof Value.Conditional c) return "Fn::If " + c.condition();
    return v.scalar().orElse("null");
  }
}
