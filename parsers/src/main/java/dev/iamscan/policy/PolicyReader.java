package dev.iamscan.policy;

import dev.iamscan.json.JsonValueReader;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one reader of policy documents: JSON strings (heredocs, {@code file()}, CloudFormation
 * strings), objects ({@code jsonencode}, CloudFormation), {@code data "aws_iam_policy_document"}
 * (with source and override documents), and references to those. Rules never parse policies
 * themselves. Safe to share between rules running in parallel: its public methods take the reader's
 * lock, since it caches data-source documents.
 */
public final class PolicyReader {
  private static final String POLICY_DOCUMENT = "aws_iam_policy_document";
  private static final int MAX_DEPTH = 16;

  private final ResourceModel model;
  private final Map<Resource, PolicyDocument> dataSourceCache = new HashMap<>();
  private final Set<Resource> reading = new HashSet<>();

  public PolicyReader(ResourceModel model) {
    this.model = model;
  }

  /** Reads the document held by {@code value}, written in {@code owner} (whose scope resolves references). */
  public synchronized PolicyDocument read(Value value, Resource owner) {
    return read(value, owner, 0);
  }

  private PolicyDocument read(Value value, Resource owner, int depth) {
    if (depth > MAX_DEPTH) return unknown(value.range());
    if (value instanceof Value.Text t) {
      if (t.value().isBlank()) return new PolicyDocument(List.of(), false, List.of(), t.range(), List.of());
      JsonValueReader.Result r = JsonValueReader.readEmbedded(t);
      if (!r.ok()) {
        return new PolicyDocument(List.of(), false, List.of(r.error()), t.range(), List.of());
      }
      PolicyDocument d = read(r.value(), owner, depth + 1);
      List<Diagnostic> problems = new ArrayList<>(r.warnings());
      problems.addAll(d.problems());
      return new PolicyDocument(d.statements(), d.unknown(), problems, t.range(), d.builtFrom());
    }
    if (value instanceof Value.Unknown u && u.partial() != null) return readPartial(u, owner, depth);
    if (value instanceof Value.ObjectValue o) return readJsonForm(o, owner);
    if (value instanceof Value.Reference ref) return readReference(ref, owner, depth);
    if (value instanceof Value.Conditional c && isRendering(c)) return readRenderings(c, owner, depth);
    if (value instanceof Value.Conditional c) {
      PolicyDocument a = read(c.whenTrue(), owner, depth + 1);
      PolicyDocument b = read(c.whenFalse(), owner, depth + 1);
      List<PolicyStatement> all = new ArrayList<>(a.statements());
      all.addAll(b.statements());
      List<Diagnostic> problems = new ArrayList<>(a.problems());
      problems.addAll(b.problems());
      List<SourceRange> from = new ArrayList<>(a.builtFrom());
      from.addAll(b.builtFrom());
      return new PolicyDocument(all, a.unknown() || b.unknown(), problems, c.range(), from);
    }
    if (value instanceof Value.Null n) return new PolicyDocument(List.of(), false, List.of(), n.range(), List.of());
    return unknown(value.range());
  }

  /**
   * A JSON policy written as a string template with unresolved interpolations (a heredoc with a
   * computed ARN): its structure is read, and every string holding an unresolved part is unknown.
   * A hole written where a JSON value goes ({@code "Resource": ${jsonencode(var.arns)}}) is an
   * unknown value. Text that is still not JSON is reported as a warning: its statements cannot be
   * checked, and the scan says so rather than pass over it.
   */
  private PolicyDocument readPartial(Value.Unknown u, Resource owner, int depth) {
    Value.Text text = u.partial();
    JsonValueReader.Result r = JsonValueReader.readEmbedded(quoteBareHoles(text));
    if (!r.ok()) {
      Diagnostic e = r.error();
      return new PolicyDocument(List.of(), true, List.of(Diagnostic.warning(e.file(), e.line(), e.column(),
          "policy text with computed parts is not JSON (" + e.message() + "); its statements are not checked")),
          u.range(), List.of());
    }
    PolicyDocument d = read(withHoles(r.value()), owner, depth + 1);
    List<Diagnostic> problems = new ArrayList<>(r.warnings());
    problems.addAll(d.problems());
    return new PolicyDocument(d.statements(), d.unknown(), problems, u.range(), d.builtFrom());
  }

  /** Holes outside JSON strings become strings holding only a hole, so that the text parses. */
  private static Value.Text quoteBareHoles(Value.Text t) {
    String quoted = quoteBareHoles(t.value());
    return quoted.equals(t.value()) ? t : new Value.Text(quoted, t.range(), t.verbatim());
  }

  private static String quoteBareHoles(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    boolean inString = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < s.length()) out.append(s.charAt(++i));
        else if (c == '"') inString = false;
      } else if (c == Value.Unknown.HOLE) {
        out.append('"').append(c).append('"');
      } else {
        out.append(c);
        if (c == '"') inString = true;
      }
    }
    return out.toString();
  }

  /** A condition written by the Terraform evaluator for the outcomes of a template directive. */
  private static boolean isRendering(Value.Conditional c) {
    return c.condition().startsWith("%{") || c.condition().startsWith("not %{");
  }

  /**
   * The renderings of a template with directives of unknown outcome: the statements of every
   * rendering that is a policy, each source statement once. A rendering that is not JSON is one
   * the author never meant (a separator for a loop of unknown length, for example) as long as
   * another one is; when none is, the first one's problem is reported.
   */
  private PolicyDocument readRenderings(Value.Conditional c, Resource owner, int depth) {
    List<Value> leaves = new ArrayList<>();
    Value v = c;
    while (v instanceof Value.Conditional k && isRendering(k)) {
      leaves.add(k.whenTrue());
      v = k.whenFalse();
    }
    leaves.add(v);
    List<PolicyDocument> read = new ArrayList<>();
    PolicyDocument firstFailed = null;
    for (Value leaf : leaves) {
      PolicyDocument d = read(leaf, owner, depth + 1);
      boolean failed = d.statements().isEmpty() && !d.problems().isEmpty()
          && (leaf instanceof Value.Text || leaf instanceof Value.Unknown);
      if (failed) {
        if (firstFailed == null) firstFailed = d;
      } else {
        read.add(d);
      }
    }
    if (read.isEmpty()) return firstFailed == null ? unknown(c.range()) : firstFailed;
    List<PolicyStatement> all = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    boolean unknown = false;
    List<Diagnostic> problems = new ArrayList<>();
    List<SourceRange> from = new ArrayList<>();
    for (PolicyDocument d : read) {
      for (PolicyStatement s : d.statements()) if (seen.add(sameStatement(s))) all.add(s);
      unknown |= d.unknown();
      for (Diagnostic p : d.problems()) if (!problems.contains(p)) problems.add(p);
      for (SourceRange r : d.builtFrom()) if (!from.contains(r)) from.add(r);
    }
    return new PolicyDocument(all, unknown, problems, read.get(0).range(), from);
  }

  /** What makes two renderings of one statement the same: everything but its place in the list. */
  private static List<Object> sameStatement(PolicyStatement s) {
    return java.util.Arrays.asList(s.range(), s.sid(), s.effect(), s.actions(), s.notAction(), s.resources(),
        s.notResource(), s.principals(), s.notPrincipal(), s.principalsUnknown(), s.conditions(),
        s.conditionsUnknown());
  }

  /** Strings that contain an unresolved part become unknown values at the same place. */
  private static Value withHoles(Value v) {
    if (v instanceof Value.Text t && t.value().equals(String.valueOf(Value.Unknown.HOLE))) {
      return new Value.Unknown("${...}", t.range());
    }
    if (v instanceof Value.Text t && t.value().indexOf(Value.Unknown.HOLE) >= 0) {
      return new Value.Unknown(t.value().replace(String.valueOf(Value.Unknown.HOLE), "${...}"), t.range(), t);
    }
    if (v instanceof Value.ListValue l) {
      return new Value.ListValue(l.items().stream().map(PolicyReader::withHoles).toList(), l.range());
    }
    if (v instanceof Value.ObjectValue o) {
      List<Value.Field> fields = new ArrayList<>();
      for (Value.Field f : o.fields()) fields.add(new Value.Field(f.key(), f.keyRange(), withHoles(f.value())));
      return new Value.ObjectValue(fields, o.range());
    }
    return v;
  }

  private static boolean hasHole(String key) {
    return key.indexOf(Value.Unknown.HOLE) >= 0;
  }

  private static PolicyDocument unknown(SourceRange range) {
    return new PolicyDocument(List.of(), true, List.of(), range, List.of());
  }

  private PolicyDocument readReference(Value.Reference ref, Resource owner, int depth) {
    Optional<Resource> target = model.resolve(owner, ref);
    if (target.isEmpty()) return unknown(ref.range());
    Resource r = target.get();
    if (r.kind().equals("data") && r.type().equals(POLICY_DOCUMENT)
        && (ref.attribute() == null || ref.attribute().equals("json") || ref.attribute().equals("minified_json"))) {
      PolicyDocument d = readDataSource(r, depth);
      return new PolicyDocument(d.statements(), d.unknown(), d.problems(), ref.range(), d.builtFrom());
    }
    if (r.type().equals("template_file") && "rendered".equals(ref.attribute())) {
      Optional<Value> v = r.body().get("rendered");
      if (v.isPresent()) return read(v.get(), r, depth + 1);
    }
    if (r.kind().equals("resource") && "policy".equals(ref.attribute())) {
      Optional<Value> v = r.body().get("policy");
      if (v.isPresent()) return read(v.get(), r, depth + 1);
    }
    return unknown(ref.range());
  }

  /** A {@code data "aws_iam_policy_document"} block, with its source and override documents. */
  public synchronized PolicyDocument readDataSource(Resource dataSource) {
    return readDataSource(dataSource, 0);
  }

  private PolicyDocument readDataSource(Resource ds, int depth) {
    PolicyDocument cached = dataSourceCache.get(ds);
    if (cached != null) return cached;
    if (!reading.add(ds) || depth > MAX_DEPTH) return unknown(ds.range());
    try {
      Value.ObjectValue body = ds.body();
      List<Diagnostic> problems = new ArrayList<>();
      List<SourceRange> from = new ArrayList<>();
      from.add(ds.headRange());
      boolean unknown = false;
      List<PolicyStatement> merged = new ArrayList<>();
      for (String key : List.of("source_policy_documents", "source_json")) {
        for (Value v : body.get(key).map(Value::elements).orElse(List.of())) {
          if (isEmptyDocument(v)) continue;
          PolicyDocument d = read(v, ds, depth + 1);
          unknown |= d.unknown();
          problems.addAll(d.problems());
          from.addAll(d.builtFrom());
          merged.addAll(d.statements());
        }
      }
      int index = 0;
      for (Value.Field f : body.all("statement")) {
        if (f.value() instanceof Value.ObjectValue st) {
          overlay(merged, readBlockStatement(st, index++, ds));
        } else if (!(f.value() instanceof Value.Null)) {
          unknown = true;
        }
      }
      for (String key : List.of("override_policy_documents", "override_json")) {
        for (Value v : body.get(key).map(Value::elements).orElse(List.of())) {
          if (isEmptyDocument(v)) continue;
          PolicyDocument d = read(v, ds, depth + 1);
          unknown |= d.unknown();
          problems.addAll(d.problems());
          from.addAll(d.builtFrom());
          for (PolicyStatement s : d.statements()) overlay(merged, s);
        }
      }
      PolicyDocument doc = new PolicyDocument(merged, unknown, problems, ds.range(), from);
      dataSourceCache.put(ds, doc);
      return doc;
    } finally {
      reading.remove(ds);
    }
  }

  /** {@code "{}"}: a source or override document that adds nothing, which the data source accepts. */
  private static boolean isEmptyDocument(Value v) {
    return (v instanceof Value.Text t && t.value().strip().equals("{}"))
        || (v instanceof Value.ObjectValue o && o.size() == 0);
  }

  /** A statement with the Sid of an earlier one replaces it; others are appended. */
  private static void overlay(List<PolicyStatement> statements, PolicyStatement s) {
    if (s.sid() != null && !s.sid().isEmpty()) {
      for (int i = 0; i < statements.size(); i++) {
        if (s.sid().equals(statements.get(i).sid())) {
          statements.set(i, s);
          return;
        }
      }
    }
    statements.add(s);
  }

  private PolicyStatement readBlockStatement(Value.ObjectValue st, int index, Resource owner) {
    SourceRange range = st.range();
    String sid = st.string("sid").orElse(null);
    Effect effect = Effect.ALLOW; // the data source's default
    SourceRange effectRange = range;
    Optional<Value.Field> ef = st.field("effect");
    if (ef.isPresent()) {
      effect = effectOf(ef.get().value());
      effectRange = ef.get().range();
    }
    boolean notAction = !st.has("actions") && st.has("not_actions");
    StringSet actions = strings(st, notAction ? "not_actions" : "actions", range);
    boolean notResource = !st.has("resources") && st.has("not_resources");
    StringSet resources = naming(policyVariables(strings(st, notResource ? "not_resources" : "resources", range)), st,
        notResource ? "not_resources" : "resources", owner);
    boolean notPrincipal = !st.has("principals") && st.has("not_principals");
    List<PolicyPrincipal> principals = new ArrayList<>();
    boolean principalsUnknown = false;
    String pkey = notPrincipal ? "not_principals" : "principals";
    for (Value.Field pf : st.all(pkey)) {
      if (!(pf.value() instanceof Value.ObjectValue p)) {
        principalsUnknown = true;
        continue;
      }
      Optional<String> type = p.string("type");
      if (type.isEmpty()) {
        principalsUnknown = true;
        continue;
      }
      for (Value id : p.get("identifiers").map(PolicyReader::flatten).orElse(List.of())) {
        Optional<String> known = id.scalar();
        if (known.isPresent()) {
          principals.add(new PolicyPrincipal(type.get(), known.get(), id.range()));
        } else {
          Optional<PolicyPrincipal> named = principalOfScan(type.get(), id, owner);
          if (named.isPresent()) principals.add(named.get());
          else if (!(id instanceof Value.Null)) principalsUnknown = true;
        }
      }
    }
    List<ConditionClause> conditions = new ArrayList<>();
    boolean conditionsUnknown = false;
    for (Value.Field cf : st.all("condition")) {
      if (!(cf.value() instanceof Value.ObjectValue c)) {
        conditionsUnknown = true;
        continue;
      }
      Optional<String> test = c.string("test");
      Optional<String> variable = c.string("variable");
      StringSet values = policyVariables(strings(c, "values", c.range()));
      if (test.isEmpty() || variable.isEmpty()) {
        conditionsUnknown = true;
        continue;
      }
      conditions.add(new ConditionClause(test.get(), variable.get(), values.known(), values.hasUnknown(), c.range()));
    }
    return new PolicyStatement(sid, index, effect, effectRange, actions, notAction, resources, notResource,
        principals, notPrincipal, st.has(pkey), principalsUnknown, conditions, conditionsUnknown, range);
  }

  /** The JSON grammar, from a parsed string or an object ({@code jsonencode}, CloudFormation). */
  private PolicyDocument readJsonForm(Value.ObjectValue doc, Resource owner) {
    List<Diagnostic> problems = new ArrayList<>();
    List<PolicyStatement> statements = new ArrayList<>();
    boolean unknown = false;
    Optional<Value> st = doc.get("Statement");
    if (st.isEmpty()) {
      problems.add(problem(doc.range(), "policy document has no Statement"));
    } else {
      int index = 0;
      for (Value v : flatten(st.get())) {
        if (v instanceof Value.ObjectValue o) {
          statements.add(readJsonStatement(o, index++, owner));
        } else if (v.isKnown()) {
          problems.add(problem(v.range(), "a policy statement must be an object"));
        } else {
          unknown = true;
        }
      }
    }
    return new PolicyDocument(statements, unknown, problems, doc.range(), List.of());
  }

  private PolicyStatement readJsonStatement(Value.ObjectValue st, int index, Resource owner) {
    SourceRange range = st.range();
    String sid = st.string("Sid").orElse(null);
    Effect effect = Effect.MISSING;
    SourceRange effectRange = range;
    Optional<Value.Field> ef = st.field("Effect");
    if (ef.isPresent()) {
      effect = effectOf(ef.get().value());
      effectRange = ef.get().range();
    }
    boolean notAction = !st.has("Action") && st.has("NotAction");
    StringSet actions = strings(st, notAction ? "NotAction" : "Action", range);
    boolean notResource = !st.has("Resource") && st.has("NotResource");
    StringSet resources = naming(strings(st, notResource ? "NotResource" : "Resource", range), st,
        notResource ? "NotResource" : "Resource", owner);
    boolean notPrincipal = !st.has("Principal") && st.has("NotPrincipal");
    String pkey = notPrincipal ? "NotPrincipal" : "Principal";
    List<PolicyPrincipal> principals = new ArrayList<>();
    boolean principalsUnknown = false;
    Optional<Value> pv = st.get(pkey);
    if (pv.isPresent()) principalsUnknown = readPrincipals(pv.get(), principals, owner);
    List<ConditionClause> conditions = new ArrayList<>();
    boolean conditionsUnknown = false;
    Optional<Value> cv = st.get("Condition");
    if (cv.isPresent()) conditionsUnknown = readConditions(cv.get(), conditions);
    return new PolicyStatement(sid, index, effect, effectRange, actions, notAction, resources, notResource,
        principals, notPrincipal, pv.isPresent(), principalsUnknown, conditions, conditionsUnknown, range);
  }

  /** Returns whether some principal could not be resolved. */
  private boolean readPrincipals(Value v, List<PolicyPrincipal> out, Resource owner) {
    boolean unknown = false;
    for (Value p : flatten(v)) {
      if (p instanceof Value.ObjectValue o) {
        for (Value.Field f : o.fields()) {
          if (hasHole(f.key())) {
            unknown = true;
            continue;
          }
          for (Value id : flatten(f.value())) {
            Optional<String> s = id.scalar();
            Optional<PolicyPrincipal> named = s.isPresent() ? Optional.empty() : principalOfScan(f.key(), id, owner);
            if (s.isPresent()) out.add(new PolicyPrincipal(f.key(), s.get(), id.range()));
            else if (named.isPresent()) out.add(named.get());
            else if (!(id instanceof Value.Null)) unknown = true;
          }
        }
      } else if (p.scalar().isPresent()) {
        String s = p.scalar().get();
        out.add(new PolicyPrincipal(s.equals("*") ? "*" : "AWS", s, p.range()));
      } else if (!(p instanceof Value.Null)) {
        unknown = true;
      }
    }
    return unknown;
  }

  /**
   * A principal named by reference to a user or role of the scan ({@code aws_iam_user.x.arn},
   * {@code !GetAtt X.Arn}): its ARN is not known before deployment, but whom it names is.
   */
  private Optional<PolicyPrincipal> principalOfScan(String type, Value id, Resource owner) {
    if (!type.equals("AWS") || !(id instanceof Value.Reference ref) || ref.attribute() == null
        || !ref.attribute().equalsIgnoreCase("arn") || owner == null) {
      return Optional.empty();
    }
    return model.resolve(owner, ref).flatMap(r -> {
      String kind = switch (r.type()) {
        case "aws_iam_user", "AWS::IAM::User" -> "user";
        case "aws_iam_role", "AWS::IAM::Role" -> "role";
        default -> null;
      };
      return kind == null ? Optional.empty()
          : Optional.of(new PolicyPrincipal(type, ref.expression(), id.range(), r, kind));
    });
  }

  /** Returns whether some condition could not be resolved. */
  private static boolean readConditions(Value v, List<ConditionClause> out) {
    boolean unknown = false;
    for (Value c : flatten(v)) {
      if (!(c instanceof Value.ObjectValue ops)) {
        unknown |= !(c instanceof Value.Null);
        continue;
      }
      for (Value.Field op : ops.fields()) {
        if (hasHole(op.key()) || !(op.value() instanceof Value.ObjectValue keys)) {
          unknown = true;
          continue;
        }
        for (Value.Field k : keys.fields()) {
          if (hasHole(k.key())) {
            unknown = true;
            continue;
          }
          List<LocatedString> values = new ArrayList<>();
          boolean valuesUnknown = false;
          for (Value x : flatten(k.value())) {
            Optional<String> s = x.scalar();
            if (s.isPresent()) values.add(new LocatedString(s.get(), x.range()));
            else if (!(x instanceof Value.Null)) valuesUnknown = true;
          }
          out.add(new ConditionClause(op.key(), k.key(), values, valuesUnknown, k.range()));
        }
      }
    }
    return unknown;
  }

  /**
   * The element's values that are references to resources of the scan, resolved: the principal
   * graph tells which role an {@code iam:PassRole} on {@code aws_iam_role.x.arn} passes.
   */
  private StringSet naming(StringSet set, Value.ObjectValue o, String key, Resource owner) {
    if (!set.opaque() || owner == null) return set;
    Optional<Value.Field> f = o.field(key);
    if (f.isEmpty()) return set;
    List<StringSet.NamedResource> named = new ArrayList<>();
    boolean beyond = false;
    for (Value v : flatten(f.get().value())) {
      if (v.scalar().isPresent() || v instanceof Value.Null || (v instanceof Value.Unknown u && u.partial() != null)) continue;
      Optional<Resource> target = v instanceof Value.Reference ref ? model.resolve(owner, ref) : Optional.empty();
      if (target.isPresent()) named.add(new StringSet.NamedResource(target.get(), ((Value.Reference) v).attribute(), v.range()));
      else beyond = true;
    }
    return new StringSet(set.present(), set.known(), set.hasUnknown(), set.range(), set.partial(), set.opaque(), named, beyond);
  }

  /**
   * The data source's other spelling of policy variables: {@code &{aws:username}} in
   * {@code data "aws_iam_policy_document"} is written to the JSON document as {@code ${aws:username}}
   * (a way around escaping {@code $${...}} in Terraform strings).
   */
  private static StringSet policyVariables(StringSet set) {
    if (set.known().stream().noneMatch(v -> v.value().contains("&{"))
        && set.partial().stream().noneMatch(v -> v.value().contains("&{"))) {
      return set;
    }
    return new StringSet(set.present(), set.known().stream().map(PolicyReader::policyVariables).toList(),
        set.hasUnknown(), set.range(), set.partial().stream().map(PolicyReader::policyVariables).toList(),
        set.opaque(), set.named(), set.opaqueBeyondNamed());
  }

  private static LocatedString policyVariables(LocatedString v) {
    return v.value().contains("&{") ? new LocatedString(v.value().replace("&{", "${"), v.range()) : v;
  }

  private static StringSet strings(Value.ObjectValue o, String key, SourceRange fallback) {
    Optional<Value.Field> f = o.field(key);
    if (f.isEmpty()) return StringSet.absent(fallback);
    List<LocatedString> known = new ArrayList<>();
    List<LocatedString> partial = new ArrayList<>();
    boolean unknown = false;
    boolean opaque = false;
    for (Value v : flatten(f.get().value())) {
      Optional<String> s = v.scalar();
      if (s.isPresent()) {
        known.add(new LocatedString(s.get(), v.range()));
      } else if (v instanceof Value.Unknown u && u.partial() != null) {
        partial.add(new LocatedString(u.partial().value(), v.range()));
        unknown = true;
      } else if (!(v instanceof Value.Null)) {
        unknown = true;
        opaque = true;
      }
    }
    return new StringSet(true, known, unknown, f.get().range(), partial, opaque);
  }

  /** List items, nested lists and both branches of conditionals, as one flat list. */
  static List<Value> flatten(Value v) {
    List<Value> out = new ArrayList<>();
    flattenInto(v, out, 0);
    return out;
  }

  private static void flattenInto(Value v, List<Value> out, int depth) {
    if (depth > 32) {
      out.add(new Value.Unknown("(too deeply nested)", v.range()));
    } else if (v instanceof Value.ListValue l) {
      for (Value i : l.items()) flattenInto(i, out, depth + 1);
    } else if (v instanceof Value.Conditional c) {
      // a branch that is AWS::NoValue (or null) leaves nothing in the list when it is chosen
      if (!(c.whenTrue() instanceof Value.Null)) flattenInto(c.whenTrue(), out, depth + 1);
      if (!(c.whenFalse() instanceof Value.Null)) flattenInto(c.whenFalse(), out, depth + 1);
    } else {
      out.add(v);
    }
  }

  private static Effect effectOf(Value v) {
    List<Value> options = flatten(v);
    Effect result = null;
    for (Value o : options) {
      Effect e;
      if (o instanceof Value.Text t) {
        e = switch (t.value()) {
          case "Allow" -> Effect.ALLOW;
          case "Deny" -> Effect.DENY;
          default -> Effect.INVALID;
        };
      } else if (o.isKnown()) {
        e = Effect.INVALID;
      } else {
        e = Effect.UNKNOWN;
      }
      // Two branches that disagree: the effect is not known.
      result = result == null || result == e ? e : Effect.UNKNOWN;
    }
    return result == null ? Effect.UNKNOWN : result;
  }

  private static Diagnostic problem(SourceRange r, String message) {
    return Diagnostic.error(r.file(), r.startLine(), r.startColumn(), message);
  }
}
