package dev.iamscan.terraform;

import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.terraform.HclSyntax.Binary;
import dev.iamscan.terraform.HclSyntax.Call;
import dev.iamscan.terraform.HclSyntax.Conditional;
import dev.iamscan.terraform.HclSyntax.Expr;
import dev.iamscan.terraform.HclSyntax.ForDirective;
import dev.iamscan.terraform.HclSyntax.ForExpr;
import dev.iamscan.terraform.HclSyntax.GetAttr;
import dev.iamscan.terraform.HclSyntax.IfDirective;
import dev.iamscan.terraform.HclSyntax.Index;
import dev.iamscan.terraform.HclSyntax.Literal;
import dev.iamscan.terraform.HclSyntax.ObjectCons;
import dev.iamscan.terraform.HclSyntax.ObjectItem;
import dev.iamscan.terraform.HclSyntax.Parens;
import dev.iamscan.terraform.HclSyntax.RelativeTraversal;
import dev.iamscan.terraform.HclSyntax.Splat;
import dev.iamscan.terraform.HclSyntax.Step;
import dev.iamscan.terraform.HclSyntax.Template;
import dev.iamscan.terraform.HclSyntax.Traversal;
import dev.iamscan.terraform.HclSyntax.Tuple;
import dev.iamscan.terraform.HclSyntax.Unary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Evaluates expressions of one module into located model values. Whatever it cannot resolve
 * becomes {@link Value.Unknown} (with the source text), a {@link Value.Reference} to another block,
 * or a {@link Value.Conditional}; it never guesses and never returns null.
 */
final class TerraformEvaluator {
  /** Names bound by {@code for} expressions, dynamic block iterators and template variables. */
  record Scope(Map<String, Value> names) {
    static final Scope EMPTY = new Scope(Map.of());

    Scope with(String name, Value value) {
      Map<String, Value> m = new HashMap<>(names);
      m.put(name, value);
      return new Scope(Map.copyOf(m));
    }
  }

  private static final Set<String> UNBOUND_ROOTS = Set.of("count", "each", "self", "terraform");

  private final Map<String, Value> variables;
  private final ModuleFiles files;
  private final EvaluationBounds bounds;
  private final Map<String, Expr> locals;
  private final Map<String, Value> localValues = new HashMap<>();
  private final Set<String> evaluatingLocals = new HashSet<>();
  private final TerraformFunctions functions;
  /** The outputs of a module call by name, when the call could be evaluated. */
  private final Function<String, Optional<Value>> moduleOutputs;
  /** When set, only these names resolve (templatefile variables): no var, local or references. */
  private final boolean templateOnly;

  TerraformEvaluator(Map<String, Value> variables, Map<String, Expr> locals, ModuleFiles files,
      EvaluationBounds bounds) {
    this(variables, locals, files, bounds, false, name -> Optional.empty());
  }

  TerraformEvaluator(Map<String, Value> variables, Map<String, Expr> locals, ModuleFiles files,
      EvaluationBounds bounds, Function<String, Optional<Value>> moduleOutputs) {
    this(variables, locals, files, bounds, false, moduleOutputs);
  }

  private TerraformEvaluator(Map<String, Value> variables, Map<String, Expr> locals, ModuleFiles files,
      EvaluationBounds bounds, boolean templateOnly, Function<String, Optional<Value>> moduleOutputs) {
    this.moduleOutputs = moduleOutputs;
    this.variables = variables;
    this.locals = locals;
    this.files = files;
    this.bounds = bounds;
    this.functions = new TerraformFunctions(this, files, bounds);
    this.templateOnly = templateOnly;
  }

  /** An evaluator for a template file, which sees only the variables passed to templatefile. */
  TerraformEvaluator forTemplate() {
    return new TerraformEvaluator(Map.of(), Map.of(), files, bounds, true, name -> Optional.empty());
  }

  /** The {@code rendered} attribute of a {@code template_file}; null when it cannot be known. */
  Value renderTemplateFile(Value template, Value vars, SourceRange at) {
    return functions.renderTemplateFile(template, vars, at);
  }

  static Value.Unknown unknown(Expr e) {
    return new Value.Unknown(e.loc().text(), e.loc().range());
  }

  /**
   * The value of {@code e}. Every evaluation counts against the module's budget and nests one level
   * deeper: a chain of locals recurses through here, so the depth bound is what keeps the stack.
   */
  Value eval(Expr e, Scope scope) {
    SourceRange at = e.loc().range();
    if (!bounds.enter(files, at)) return unknown(e);
    int mark = referencesSeen.size();
    evalDepth++;
    try {
      if (!bounds.charge(1, files, at)) return unknown(e);
      return noteReferences(e, evalBounded(e, scope), mark);
    } finally {
      bounds.leave();
      if (--evalDepth == 0) referencesSeen.clear();
    }
  }

  /** References met while evaluating the current top-level expression, in order. */
  private final List<Value.Reference> referencesSeen = new ArrayList<>();
  private int evalDepth;
  /** Functions whose result does not carry the content of their arguments. */
  private static final Set<String> DIGESTS = Set.of("md5", "sha1", "sha256", "sha512", "bcrypt", "base64sha256",
      "base64sha512", "filemd5", "filesha1", "filesha256", "filesha512", "filebase64sha256", "filebase64sha512",
      "length", "uuidv5");
  /** References one unknown keeps at most. */
  static final int MAX_UNKNOWN_REFERENCES = 32;

  /**
   * Records the references a value was computed from, and gives an unknown value the references
   * met while computing it, so that where its content comes from survives locals and functions.
   */
  private Value noteReferences(Expr e, Value v, int mark) {
    if (v instanceof Value.Reference r) {
      referencesSeen.add(r);
    } else if (v instanceof Value.Unknown u) {
      if (e instanceof Call c && DIGESTS.contains(c.name())) {
        // A digest or a length of a value does not carry its content.
        referencesSeen.subList(mark, referencesSeen.size()).clear();
      } else if (!u.references().isEmpty()) {
        referencesSeen.addAll(u.references());
      } else if (referencesSeen.size() > mark) {
        return u.withReferences(seenSince(mark));
      }
    } else if (v instanceof Value.Conditional c && !(e instanceof Traversal) && referencesSeen.size() > mark) {
      // The outcomes of a template directive: each unknown outcome was computed from what was met.
      return withReferences(c, seenSince(mark), 0);
    } else if (e instanceof Traversal && (v instanceof Value.ObjectValue || v instanceof Value.ListValue
        || v instanceof Value.Conditional)) {
      // A local or variable already evaluated: what it holds was met before, not here.
      collectReferences(v, 0);
    }
    return v;
  }

  private List<Value.Reference> seenSince(int mark) {
    List<Value.Reference> from = new ArrayList<>();
    for (Value.Reference r : referencesSeen.subList(mark, referencesSeen.size())) {
      if (!from.contains(r)) from.add(r);
      if (from.size() == MAX_UNKNOWN_REFERENCES) break;
    }
    return from;
  }

  private static Value withReferences(Value v, List<Value.Reference> from, int depth) {
    if (v instanceof Value.Unknown u && u.references().isEmpty()) return u.withReferences(from);
    if (v instanceof Value.Conditional c && depth < 8) {
      return new Value.Conditional(c.condition(), withReferences(c.whenTrue(), from, depth + 1),
          withReferences(c.whenFalse(), from, depth + 1), c.range());
    }
    return v;
  }

  private void collectReferences(Value v, int depth) {
    if (depth > 8 || referencesSeen.size() > 4 * MAX_UNKNOWN_REFERENCES) return;
    if (v instanceof Value.Reference r) {
      referencesSeen.add(r);
    } else if (v instanceof Value.Unknown u) {
      referencesSeen.addAll(u.references());
    } else if (v instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) collectReferences(f.value(), depth + 1);
    } else if (v instanceof Value.ListValue l) {
      for (Value i : l.items()) collectReferences(i, depth + 1);
    } else if (v instanceof Value.Conditional c) {
      collectReferences(c.whenTrue(), depth + 1);
      collectReferences(c.whenFalse(), depth + 1);
    }
  }

  private Value evalBounded(Expr e, Scope scope) {
    if (e instanceof Literal l) return l.value();
    if (e instanceof Template t) return template(t, scope);
    if (e instanceof Traversal t) return traversal(t, scope);
    if (e instanceof RelativeTraversal r) return applySteps(eval(r.base(), scope), r.steps(), r, scope);
    if (e instanceof Call c) return functions.call(c, scope);
    if (e instanceof Tuple t) {
      List<Value> items = new ArrayList<>(t.items().size());
      for (Expr item : t.items()) items.add(eval(item, scope));
      return new Value.ListValue(items, t.loc().range());
    }
    if (e instanceof ObjectCons o) return object(o, scope);
    if (e instanceof Conditional c) return conditional(c, scope);
    if (e instanceof Binary b) return binary(b, scope);
    if (e instanceof Unary u) return unary(u, scope);
    if (e instanceof ForExpr f) return forExpr(f, scope);
    if (e instanceof Parens p) return eval(p.inner(), scope);
    return unknown(e);
  }

  // ---- strings ----

  /**
   * The text of a known scalar, or the JSON text of a known document (an encoded policy); empty
   * when not known, or (with a WARNING at {@code at}) when the JSON text would be too long.
   */
  Optional<String> asString(Value v, SourceRange at) {
    if (v instanceof Value.ObjectValue || v instanceof Value.ListValue) {
      Optional<String> json = JsonTextWriter.write(v, bounds.limits().maxStringLength());
      if (json.isEmpty() && JsonTextWriter.writable(v)) tooLong(at, "the JSON text of a value");
      json.ifPresent(s -> bounds.charge(s.length() / TEXT_STEP, files, at));
      return json;
    }
    return v.scalar();
  }

  /** Characters of built text that count as one value against the evaluation budget. */
  static final int TEXT_STEP = 64;

  /** Reports a text above {@code maxStringLength}; the caller's value is then unknown. */
  void tooLong(SourceRange at, String what) {
    files.warn(at, what + " would be longer than " + bounds.limits().maxStringLength()
        + " characters; its value is unknown");
  }

  /** Reports a collection above {@code maxCollectionSize}; the caller's value is then unknown. */
  void tooMany(SourceRange at, String what) {
    files.warn(at, what + " would hold more than " + bounds.limits().maxCollectionSize()
        + " items; its value is unknown");
  }

  /** Renderings of one template at most: each directive of unknown outcome doubles them. */
  static final int MAX_RENDERINGS = 16;

  /** One way a template may render; {@code choices} says which directive outcomes lead to it. */
  private static final class Rendering {
    final StringBuilder text = new StringBuilder();
    boolean holes;
    boolean linesKept = true;
    final List<String> choices = new ArrayList<>();

    Rendering copy(String choice) {
      Rendering r = new Rendering();
      r.text.append(text);
      r.holes = holes;
      r.linesKept = linesKept;
      r.choices.addAll(choices);
      r.choices.add(choice);
      return r;
    }
  }

  /** Thrown when a rendering grows too long or too many: the template's value is then unknown. */
  private static final class RenderingStopped extends Exception {
    RenderingStopped() {
      super(null, null, false, false);
    }
  }

  /**
   * A template's value. Interpolations that cannot be resolved leave a hole in the text
   * ({@link Value.Unknown#partial}); a directive whose outcome is not known yields each outcome (a
   * {@link Value.Conditional} whose condition is the directive's text, starting with {@code %{}),
   * and a {@code for} over an unknown collection renders its body once with unknown variables.
   * Directives keep every line of the template where it was written: a skipped branch leaves its
   * line breaks, and the second and later iterations of a loop stay on the loop's last line.
   */
  private Value template(Template t, Scope scope) {
    List<Object> parts = t.parts();
    if (parts.size() == 1 && parts.get(0) instanceof Expr only) {
      // "${x}" alone is x itself, unconverted, as in HCL
      return eval(only, scope);
    }
    List<Rendering> renderings;
    try {
      renderings = render(parts, scope, new ArrayList<>(List.of(new Rendering())), false, t);
    } catch (RenderingStopped e) {
      return unknown(t);
    }
    List<Value> values = new ArrayList<>(renderings.size());
    for (Rendering r : renderings) {
      if (!bounds.charge(r.text.length() / TEXT_STEP, files, t.loc().range())) return unknown(t);
      Value.Text text = new Value.Text(r.text.toString(), t.contentRange(), t.heredoc() && r.linesKept);
      values.add(r.holes ? new Value.Unknown(t.loc().text(), t.loc().range(), text) : text);
    }
    Value v = values.get(values.size() - 1);
    for (int i = values.size() - 2; i >= 0; i--) {
      v = new Value.Conditional(String.join(" and ", renderings.get(i).choices), values.get(i), v, t.loc().range());
    }
    return v;
  }

  private List<Rendering> render(List<Object> parts, Scope scope, List<Rendering> in, boolean flat, Template t)
      throws RenderingStopped {
    List<Rendering> out = in;
    for (Object part : parts) {
      if (part instanceof String s) {
        append(out, flat ? s.replace('\n', ' ') : s, t);
      } else if (part instanceof Expr e) {
        Value v = eval(e, scope);
        Optional<String> s = asString(v, e.loc().range());
        if (s.isEmpty()) {
          // Keep the rest of the text: a policy's structure stays readable around a computed ARN.
          for (Rendering r : out) {
            r.text.append(Value.Unknown.HOLE);
            r.holes = true;
          }
        } else {
          if (s.get().indexOf('\n') >= 0) for (Rendering r : out) r.linesKept = false;
          append(out, s.get(), t);
        }
      } else if (part instanceof IfDirective d) {
        out = renderIf(d, scope, out, flat, t);
      } else if (part instanceof ForDirective d) {
        out = renderFor(d, scope, out, flat, t);
      }
    }
    return out;
  }

  private List<Rendering> renderIf(IfDirective d, Scope scope, List<Rendering> in, boolean flat, Template t)
      throws RenderingStopped {
    Optional<Boolean> known = truth(eval(d.condition(), scope));
    String pad = (flat ? " " : "\n").repeat(d.elseLines());
    String end = (flat ? " " : "\n").repeat(d.endLines());
    List<Rendering> out = new ArrayList<>();
    if (known.isEmpty() || known.get()) {
      List<Rendering> yes = known.isPresent() ? in : copies(in, d.text());
      yes = render(d.whenTrue(), scope, yes, flat, t);
      append(yes, pad + blank(lines(d.whenFalse()), flat) + end, t);
      out.addAll(yes);
    }
    if (known.isEmpty() || !known.get()) {
      List<Rendering> no = known.isPresent() ? in : copies(in, "not " + d.text());
      append(no, blank(lines(d.whenTrue()), flat) + pad, t);
      no = render(d.whenFalse(), scope, no, flat, t);
      append(no, end, t);
      out.addAll(no);
    }
    if (out.size() > MAX_RENDERINGS) {
      files.warn(d.condition().loc().range(), "template has more than " + MAX_RENDERINGS
          + " possible renderings (directives of unknown outcome); its value is unknown");
      throw new RenderingStopped();
    }
    return out;
  }

  private List<Rendering> renderFor(ForDirective d, Scope scope, List<Rendering> in, boolean flat, Template t)
      throws RenderingStopped {
    Value coll = eval(d.collection(), scope);
    List<Value[]> pairs = new ArrayList<>();
    if (coll instanceof Value.ListValue l) {
      for (int i = 0; i < l.items().size(); i++) {
        pairs.add(new Value[] {new Value.Num(Integer.toString(i), l.items().get(i).range()), l.items().get(i)});
      }
    } else if (coll instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) pairs.add(new Value[] {new Value.Text(f.key(), f.keyRange()), f.value()});
    } else if (coll instanceof Value.Null) {
      // no iterations
    } else {
      // Not known: the body once, with unknown variables, stands for every iteration.
      Value.Unknown u = new Value.Unknown(d.collection().loc().text(), d.collection().loc().range());
      pairs.add(new Value[] {u, u});
    }
    if (pairs.size() > bounds.limits().maxCollectionSize()) {
      tooMany(d.collection().loc().range(), "the loop of this template");
      throw new RenderingStopped();
    }
    List<Rendering> out = in;
    if (pairs.isEmpty()) append(out, blank(lines(d.body()), flat), t);
    for (int i = 0; i < pairs.size(); i++) {
      Scope inner = scope.with(d.valueVar(), pairs.get(i)[1]);
      if (d.keyVar() != null) inner = inner.with(d.keyVar(), pairs.get(i)[0]);
      out = render(d.body(), inner, out, flat || i > 0, t);
      if (bounds.spent()) throw new RenderingStopped();
    }
    append(out, (flat ? " " : "\n").repeat(d.endLines()), t);
    return out;
  }

  private static List<Rendering> copies(List<Rendering> in, String choice) {
    List<Rendering> out = new ArrayList<>(in.size());
    for (Rendering r : in) out.add(r.copy(choice));
    return out;
  }

  private void append(List<Rendering> out, String s, Template t) throws RenderingStopped {
    if (s.isEmpty()) return;
    for (Rendering r : out) {
      // checked before appending: doubling a string through a few locals must not fill memory
      if (!bounds.fitsString((long) r.text.length() + s.length())) {
        tooLong(t.loc().range(), "the rendered template");
        throw new RenderingStopped();
      }
      r.text.append(s);
    }
  }

  private static String blank(int lines, boolean flat) {
    return (flat ? " " : "\n").repeat(lines);
  }

  /** The line breaks a part list takes in the template's source. */
  private static int lines(List<Object> parts) {
    int n = 0;
    for (Object p : parts) {
      if (p instanceof String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '\n') n++;
      } else if (p instanceof IfDirective d) {
        n += lines(d.whenTrue()) + lines(d.whenFalse()) + d.elseLines() + d.endLines();
      } else if (p instanceof ForDirective d) {
        n += lines(d.body()) + d.endLines();
      }
    }
    return n;
  }

  // ---- references ----

  private Value traversal(Traversal t, Scope scope) {
    String root = t.root();
    List<Step> steps = t.steps();
    if (scope.names().containsKey(root)) return applySteps(scope.names().get(root), steps, t, scope);
    if (templateOnly) return unknown(t);
    switch (root) {
      case "var" -> {
        if (steps.isEmpty() || !(steps.get(0) instanceof GetAttr a)) return unknown(t);
        Value v = variables.get(a.name());
        if (v == null) return unknown(t);
        return applySteps(v, steps.subList(1, steps.size()), t, scope);
      }
      case "local" -> {
        if (steps.isEmpty() || !(steps.get(0) instanceof GetAttr a)) return unknown(t);
        return applySteps(local(a.name(), t), steps.subList(1, steps.size()), t, scope);
      }
      case "path" -> {
        if (steps.size() == 1 && steps.get(0) instanceof GetAttr a
            && (a.name().equals("module") || a.name().equals("root"))) {
          // file() resolves relative paths against the module directory, so "." is exact there
          return new Value.Text(".", t.loc().range());
        }
        return unknown(t);
      }
      case "data" -> {
        return reference("data.", steps, 2, t);
      }
      case "module" -> {
        if (!steps.isEmpty() && steps.get(0) instanceof GetAttr a) {
          Optional<Value> outputs = moduleOutputs.apply(a.name());
          if (outputs.isPresent()) return applySteps(outputs.get(), steps.subList(1, steps.size()), t, scope);
        }
        return reference("module.", steps, 1, t);
      }
      default -> {
        if (UNBOUND_ROOTS.contains(root) || steps.isEmpty() || !(steps.get(0) instanceof GetAttr)) {
          return unknown(t);
        }
        return reference(root + ".", steps, 1, t);
      }
    }
  }

  /** {@code prefix} plus {@code names} attribute steps form the target; the next name is the attribute. */
  private static Value reference(String prefix, List<Step> steps, int names, Traversal t) {
    StringBuilder target = new StringBuilder(prefix);
    int i = 0;
    for (; i < names; i++) {
      if (i >= steps.size() || !(steps.get(i) instanceof GetAttr a)) return unknown(t);
      if (i > 0) target.append('.');
      target.append(a.name());
    }
    while (i < steps.size() && !(steps.get(i) instanceof GetAttr)) i++;
    String attribute = i < steps.size() ? ((GetAttr) steps.get(i)).name() : null;
    return new Value.Reference(target.toString(), attribute, t.loc().text(), t.loc().range());
  }

  private Value local(String name, Expr use) {
    Value cached = localValues.get(name);
    if (cached != null) return cached;
    Expr e = locals.get(name);
    if (e == null) return unknown(use);
    if (!evaluatingLocals.add(name)) {
      // a cycle: Terraform rejects it; we leave the value unknown
      return unknown(e);
    }
    try {
      Value v = eval(e, Scope.EMPTY);
      v = shallow(v, e);
      localValues.put(name, v);
      return v;
    } finally {
      evaluatingLocals.remove(name);
    }
  }

  /**
   * {@code v}, or unknown (with a WARNING) when it nests lists and objects deeper than
   * {@code maxNestingDepth}. Applied to every value that is stored and reused (locals, module
   * inputs and outputs): one expression nests at most that deep, so no value can grow without
   * bound by being wrapped again and again through a chain of them, and whatever walks values
   * recursively later (JSON text, policies, rules) keeps its stack.
   */
  Value shallow(Value v, Expr at) {
    int limit = bounds.limits().maxNestingDepth();
    if (bounds.shallowerThan(v, limit)) return v;
    bounds.reportDeepValue(files, at.loc().range());
    return unknown(at);
  }

  private Value applySteps(Value value, List<Step> steps, Expr whole, Scope scope) {
    Value v = value;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (v instanceof Value.Reference r) {
        if (r.attribute() == null && step instanceof GetAttr a) {
          v = new Value.Reference(r.target(), a.name(), whole.loc().text(), whole.loc().range());
        } else {
          v = new Value.Reference(r.target(), r.attribute(), whole.loc().text(), whole.loc().range());
        }
        continue;
      }
      if (!v.isKnown()) return unknown(whole);
      if (step instanceof GetAttr a) {
        if (!(v instanceof Value.ObjectValue o) || !o.has(a.name())) return unknown(whole);
        v = o.get(a.name()).orElseThrow();
      } else if (step instanceof Index ix) {
        Value key = eval(ix.key(), scope);
        Optional<Value> next = index(v, key);
        if (next.isEmpty()) return unknown(whole);
        v = next.get();
      } else if (step instanceof Splat) {
        List<Step> rest = steps.subList(i + 1, steps.size());
        if (v instanceof Value.Null n) return new Value.ListValue(List.of(), n.range());
        List<Value> items = new ArrayList<>();
        for (Value item : v.elements()) items.add(applySteps(item, rest, whole, scope));
        return new Value.ListValue(items, whole.loc().range());
      }
    }
    return v;
  }

  static Optional<Value> index(Value v, Value key) {
    if (v instanceof Value.ListValue l && key.scalar().isPresent()) {
      try {
        int i = new BigDecimal(key.scalar().get()).intValueExact();
        return i >= 0 && i < l.items().size() ? Optional.of(l.items().get(i)) : Optional.empty();
      } catch (ArithmeticException | NumberFormatException e) {
        return Optional.empty();
      }
    }
    if (v instanceof Value.ObjectValue o && key.scalar().isPresent()) return o.get(key.scalar().get());
    return Optional.empty();
  }

  // ---- collections ----

  private Value object(ObjectCons o, Scope scope) {
    List<Value.Field> fields = new ArrayList<>(o.items().size());
    for (ObjectItem item : o.items()) {
      String key;
      Expr k = item.key();
      if (k instanceof Traversal t && t.steps().isEmpty()) {
        key = t.root(); // a bare name is a literal key
      } else {
        Optional<String> s = eval(k instanceof Parens p ? p.inner() : k, scope).scalar();
        if (s.isEmpty()) return unknown(o); // a computed key we cannot know hides the whole object
        key = s.get();
      }
      fields.add(new Value.Field(key, k.loc().range(), eval(item.value(), scope)));
    }
    return new Value.ObjectValue(dedupe(fields), o.loc().range());
  }

  /** Later keys win, as in Terraform object constructors and merge(). */
  static List<Value.Field> dedupe(List<Value.Field> fields) {
    Map<String, Value.Field> m = new LinkedHashMap<>();
    for (Value.Field f : fields) {
      m.remove(f.key());
      m.put(f.key(), f);
    }
    return m.size() == fields.size() ? fields : new ArrayList<>(m.values());
  }

  private Value forExpr(ForExpr f, Scope scope) {
    Value coll = eval(f.collection(), scope);
    if (!coll.isKnown()) return unknown(f);
    List<Value[]> pairs = new ArrayList<>();
    if (coll instanceof Value.ListValue l) {
      for (int i = 0; i < l.items().size(); i++) {
        Value item = l.items().get(i);
        pairs.add(new Value[] {new Value.Num(Integer.toString(i), item.range()), item});
      }
    } else if (coll instanceof Value.ObjectValue o) {
      for (Value.Field fl : o.fields()) pairs.add(new Value[] {new Value.Text(fl.key(), fl.keyRange()), fl.value()});
    } else {
      return unknown(f);
    }
    List<Value> items = new ArrayList<>();
    Map<String, List<Value>> grouped = new LinkedHashMap<>();
    Map<String, Value.Field> objectFields = new LinkedHashMap<>();
    int max = bounds.limits().maxCollectionSize();
    for (Value[] pair : pairs) {
      if (items.size() >= max || objectFields.size() >= max) {
        tooMany(f.loc().range(), "the result of this for expression");
        return unknown(f);
      }
      Scope inner = scope.with(f.valueVar(), pair[1]);
      if (f.keyVar() != null) inner = inner.with(f.keyVar(), pair[0]);
      if (f.condition() != null) {
        Value c = eval(f.condition(), inner);
        if (!(c instanceof Value.Bool b)) return unknown(f);
        if (!b.value()) continue;
      }
      Value value = eval(f.valueExpr(), inner);
      // a whole stopped budget makes each item unknown; stop iterating rather than build them all
      if (bounds.spent()) return unknown(f);
      if (f.keyExpr() == null) {
        items.add(value);
      } else {
        Optional<String> key = eval(f.keyExpr(), inner).scalar();
        if (key.isEmpty()) return unknown(f);
        if (f.grouping()) grouped.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(value);
        else objectFields.put(key.get(), new Value.Field(key.get(), f.keyExpr().loc().range(), value));
      }
    }
    SourceRange range = f.loc().range();
    if (f.keyExpr() == null) return new Value.ListValue(items, range);
    if (f.grouping()) {
      List<Value.Field> fields = new ArrayList<>();
      grouped.forEach((k, v) -> fields.add(new Value.Field(k, f.keyExpr().loc().range(), new Value.ListValue(v, range))));
      return new Value.ObjectValue(fields, range);
    }
    return new Value.ObjectValue(new ArrayList<>(objectFields.values()), range);
  }

  // ---- operators ----

  private Value conditional(Conditional c, Scope scope) {
    Value cond = eval(c.condition(), scope);
    Optional<Boolean> b = truth(cond);
    if (b.isPresent()) return eval(b.get() ? c.whenTrue() : c.whenFalse(), scope);
    return new Value.Conditional(c.condition().loc().text(), eval(c.whenTrue(), scope),
        eval(c.whenFalse(), scope), c.loc().range());
  }

  static Optional<Boolean> truth(Value v) {
    if (v instanceof Value.Bool b) return Optional.of(b.value());
    if (v instanceof Value.Text t && (t.value().equals("true") || t.value().equals("false"))) {
      return Optional.of(Boolean.parseBoolean(t.value()));
    }
    return Optional.empty();
  }

  private Value unary(Unary u, Scope scope) {
    Value v = eval(u.operand(), scope);
    SourceRange r = u.loc().range();
    if (u.op().equals("!")) {
      return truth(v).<Value>map(b -> new Value.Bool(!b, r)).orElseGet(() -> unknown(u));
    }
    Optional<BigDecimal> n = number(v);
    return n.<Value>map(d -> new Value.Num(d.negate().toPlainString(), r)).orElseGet(() -> unknown(u));
  }

  static Optional<BigDecimal> number(Value v) {
    if (!(v instanceof Value.Num) && !(v instanceof Value.Text)) return Optional.empty();
    try {
      return Optional.of(new BigDecimal(v.scalar().orElseThrow()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Value binary(Binary b, Scope scope) {
    Value l = eval(b.left(), scope);
    Value r = eval(b.right(), scope);
    SourceRange range = b.loc().range();
    switch (b.op()) {
      case "==", "!=" -> {
        Optional<Boolean> eq = equal(l, r);
        if (eq.isEmpty()) return unknown(b);
        return new Value.Bool(eq.get() == b.op().equals("=="), range);
      }
      case "&&", "||" -> {
        Optional<Boolean> x = truth(l);
        Optional<Boolean> y = truth(r);
        // One known operand can settle the result (false && anything, true || anything), as in
        // Terraform: count = var.create && var.unset ? 1 : 0 is 0 when create is false.
        boolean and = b.op().equals("&&");
        if (x.isPresent() && x.get() != and || y.isPresent() && y.get() != and) return new Value.Bool(!and, range);
        if (x.isEmpty() || y.isEmpty()) return unknown(b);
        return new Value.Bool(b.op().equals("&&") ? x.get() && y.get() : x.get() || y.get(), range);
      }
      default -> {
        Optional<BigDecimal> x = number(l);
        Optional<BigDecimal> y = number(r);
        if (x.isEmpty() || y.isEmpty()) return unknown(b);
        BigDecimal p = x.get();
        BigDecimal q = y.get();
        try {
          return switch (b.op()) {
            case "+" -> new Value.Num(p.add(q).toPlainString(), range);
            case "-" -> new Value.Num(p.subtract(q).toPlainString(), range);
            case "*" -> new Value.Num(p.multiply(q).toPlainString(), range);
            case "/" -> new Value.Num(p.divide(q, java.math.MathContext.DECIMAL64).stripTrailingZeros().toPlainString(), range);
            case "%" -> new Value.Num(p.remainder(q).toPlainString(), range);
            case "<" -> new Value.Bool(p.compareTo(q) < 0, range);
            case ">" -> new Value.Bool(p.compareTo(q) > 0, range);
            case "<=" -> new Value.Bool(p.compareTo(q) <= 0, range);
            case ">=" -> new Value.Bool(p.compareTo(q) >= 0, range);
            default -> unknown(b);
          };
        } catch (ArithmeticException e) {
          return unknown(b);
        }
      }
    }
  }

  /** Equality of two known values; empty when either side is not fully known. */
  static Optional<Boolean> equal(Value a, Value b) {
    if (!a.isKnown() || !b.isKnown()) return Optional.empty();
    if (a instanceof Value.Null || b instanceof Value.Null) {
      return Optional.of(a instanceof Value.Null && b instanceof Value.Null);
    }
    if (a instanceof Value.Num && b instanceof Value.Num) {
      return Optional.of(number(a).orElseThrow().compareTo(number(b).orElseThrow()) == 0);
    }
    if (a.scalar().isPresent() && b.scalar().isPresent()) {
      return Optional.of(a.getClass() == b.getClass() && a.scalar().get().equals(b.scalar().get()));
    }
    if (a instanceof Value.ListValue x && b instanceof Value.ListValue y) {
      if (x.items().size() != y.items().size()) return Optional.of(false);
      for (int i = 0; i < x.items().size(); i++) {
        Optional<Boolean> e = equal(x.items().get(i), y.items().get(i));
        if (e.isEmpty() || !e.get()) return e;
      }
      return Optional.of(true);
    }
    if (a instanceof Value.ObjectValue x && b instanceof Value.ObjectValue y) {
      if (x.size() != y.size()) return Optional.of(false);
      for (Value.Field f : x.fields()) {
        Optional<Value> other = y.get(f.key());
        if (other.isEmpty()) return Optional.of(false);
        Optional<Boolean> e = equal(f.value(), other.get());
        if (e.isEmpty() || !e.get()) return e;
      }
      return Optional.of(true);
    }
    return Optional.of(false);
  }

}
