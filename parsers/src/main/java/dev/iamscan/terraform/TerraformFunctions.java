package dev.iamscan.terraform;

import dev.iamscan.json.JsonValueReader;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.terraform.HclSyntax.Call;
import dev.iamscan.terraform.HclSyntax.Expr;
import dev.iamscan.terraform.HclSyntax.SyntaxError;
import dev.iamscan.terraform.HclSyntax.Template;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The built-in functions the scanner evaluates. A function whose arguments are not known, or that
 * the scanner does not implement, yields {@link Value.Unknown} with the call's source text.
 */
final class TerraformFunctions {
  private final TerraformEvaluator evaluator;
  private final ModuleFiles files;
  private final EvaluationBounds bounds;

  TerraformFunctions(TerraformEvaluator evaluator, ModuleFiles files, EvaluationBounds bounds) {
    this.evaluator = evaluator;
    this.files = files;
    this.bounds = bounds;
  }

  Value call(Call c, TerraformEvaluator.Scope scope) {
    List<Value> args = new ArrayList<>(c.args().size());
    for (Expr a : c.args()) args.add(evaluator.eval(a, scope));
    if (c.expandLast() && !args.isEmpty()) {
      Value last = args.remove(args.size() - 1);
      if (!(last instanceof Value.ListValue l)) return TerraformEvaluator.unknown(c);
      args.addAll(l.items());
    }
    Value v = apply(c, args);
    if (v == null) return TerraformEvaluator.unknown(c);
    // built results count against the budget by their size, so a loop over a large concat stops too;
    // an argument passed through (tolist, lookup) was counted when it was built
    for (Value a : args) if (a == v) return v;
    long size = v instanceof Value.ListValue l ? l.items().size()
        : v instanceof Value.ObjectValue o ? o.size()
        : v instanceof Value.Text t ? t.value().length() / TerraformEvaluator.TEXT_STEP : 0;
    if (!bounds.charge(size, files, c.loc().range())) return TerraformEvaluator.unknown(c);
    return v;
  }

  /** {@code text} as a value, or null (with a WARNING) when it is longer than the bound. */
  private Value text(StringBuilder text, Call c) {
    if (!bounds.fitsString(text.length())) {
      evaluator.tooLong(c.loc().range(), "the result of " + c.name() + "()");
      return null;
    }
    return new Value.Text(text.toString(), c.loc().range());
  }

  /** {@code items} as a list, or null (with a WARNING) when it holds more than the bound. */
  private Value list(List<Value> items, Call c) {
    if (!bounds.fitsCollection(items.size())) {
      evaluator.tooMany(c.loc().range(), "the result of " + c.name() + "()");
      return null;
    }
    return new Value.ListValue(items, c.loc().range());
  }

  /** Whether {@code size} more items (or characters) still fit; otherwise a WARNING. */
  private boolean fits(long size, Call c, boolean characters) {
    if (characters ? bounds.fitsString(size) : bounds.fitsCollection(size)) return true;
    if (characters) evaluator.tooLong(c.loc().range(), "the result of " + c.name() + "()");
    else evaluator.tooMany(c.loc().range(), "the result of " + c.name() + "()");
    return false;
  }

  /** The result, or null when it is not known. */
  private Value apply(Call c, List<Value> args) {
    SourceRange r = c.loc().range();
    String name = c.name();
    switch (name) {
      case "jsonencode" -> {
        if (args.size() != 1) return null;
        Value v = args.get(0);
        // the document itself keeps its positions so policy statements point at their lines
        if (v instanceof Value.ObjectValue || v instanceof Value.ListValue) return v;
        if (!v.isKnown()) return null;
        // one quoted string: each character may become a six-character escape
        Optional<String> json = JsonTextWriter.write(v, bounds.limits().maxStringLength());
        if (json.isEmpty()) evaluator.tooLong(r, "the result of jsonencode()");
        return json.map(s -> (Value) new Value.Text(s, r)).orElse(null);
      }
      case "jsondecode" -> {
        if (args.size() != 1) return null;
        Value v = args.get(0);
        if (v instanceof Value.ObjectValue || v instanceof Value.ListValue) return v;
        if (!(v instanceof Value.Text t)) return null;
        JsonValueReader.Result res = JsonValueReader.readEmbedded(t, bounds.limits());
        if (!res.ok()) {
          files.warn(r, "jsondecode: " + res.error().message());
          return null;
        }
        return res.value();
      }
      case "file" -> {
        Optional<String> p = str(args, 0, r);
        if (args.size() != 1 || p.isEmpty()) return null;
        return files.readReferenced(p.get(), r).orElse(null);
      }
      case "templatefile" -> {
        return templatefile(args, r);
      }
      case "merge" -> {
        List<Value.Field> fields = new ArrayList<>();
        for (Value a : args) {
          if (a instanceof Value.Null) continue;
          if (!(a instanceof Value.ObjectValue o)) return null;
          if (!fits((long) fields.size() + o.size(), c, false)) return null;
          fields.addAll(o.fields());
        }
        return new Value.ObjectValue(TerraformEvaluator.dedupe(fields), r);
      }
      case "concat" -> {
        List<Value> items = new ArrayList<>();
        for (Value a : args) {
          if (!(a instanceof Value.ListValue l)) return null;
          if (!fits((long) items.size() + l.items().size(), c, false)) return null;
          items.addAll(l.items());
        }
        return new Value.ListValue(items, r);
      }
      case "flatten" -> {
        if (args.size() != 1 || !(args.get(0) instanceof Value.ListValue l)) return null;
        List<Value> out = new ArrayList<>();
        if (!flatten(l, out, bounds.limits().maxCollectionSize())) {
          if (out.size() > bounds.limits().maxCollectionSize()) evaluator.tooMany(r, "the result of flatten()");
          return null;
        }
        return new Value.ListValue(out, r);
      }
      case "tolist", "toset" -> {
        if (args.size() != 1 || !(args.get(0) instanceof Value.ListValue l)) return null;
        if (name.equals("tolist")) return l;
        return toSet(l, r);
      }
      case "tomap" -> {
        return args.size() == 1 && args.get(0) instanceof Value.ObjectValue o ? o : null;
      }
      case "tostring" -> {
        if (args.size() != 1) return null;
        if (args.get(0) instanceof Value.Null n) return n;
        return args.get(0).scalar().map(s -> (Value) new Value.Text(s, args.get(0).range())).orElse(null);
      }
      case "tonumber" -> {
        if (args.size() != 1) return null;
        return TerraformEvaluator.number(args.get(0)).map(d -> (Value) new Value.Num(args.get(0).scalar().orElseThrow(), r)).orElse(null);
      }
      case "tobool" -> {
        if (args.size() != 1) return null;
        return TerraformEvaluator.truth(args.get(0)).map(b -> (Value) new Value.Bool(b, r)).orElse(null);
      }
      case "lower", "upper", "trimspace", "title", "chomp" -> {
        Optional<String> s = str(args, 0, r);
        if (args.size() != 1 || s.isEmpty()) return null;
        String out = switch (name) {
          case "lower" -> s.get().toLowerCase(Locale.ROOT);
          case "upper" -> s.get().toUpperCase(Locale.ROOT);
          case "trimspace" -> s.get().strip();
          case "chomp" -> s.get().replaceAll("[\\r\\n]+$", "");
          default -> titleCase(s.get());
        };
        return new Value.Text(out, r);
      }
      case "join" -> {
        Optional<String> sep = str(args, 0, r);
        if (args.size() < 2 || sep.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Value a : args.subList(1, args.size())) {
          if (!(a instanceof Value.ListValue l)) return null;
          for (Value item : l.items()) {
            Optional<String> s = item.scalar();
            if (s.isEmpty()) return null;
            if (!first) sb.append(sep.get());
            first = false;
            if (!fits((long) sb.length() + s.get().length(), c, true)) return null;
            sb.append(s.get());
          }
        }
        return text(sb, c);
      }
      case "split" -> {
        Optional<String> sep = str(args, 0, r);
        Optional<String> s = str(args, 1, r);
        if (args.size() != 2 || sep.isEmpty() || s.isEmpty() || sep.get().isEmpty()) return null;
        List<Value> items = new ArrayList<>();
        int from = 0;
        while (true) {
          int i = s.get().indexOf(sep.get(), from);
          if (i < 0) break;
          if (!fits(items.size() + 2L, c, false)) return null;
          items.add(new Value.Text(s.get().substring(from, i), r));
          from = i + sep.get().length();
        }
        items.add(new Value.Text(s.get().substring(from), r));
        return list(items, c);
      }
      case "replace" -> {
        Optional<String> s = str(args, 0, r);
        Optional<String> search = str(args, 1, r);
        Optional<String> with = str(args, 2, r);
        if (args.size() != 3 || s.isEmpty() || search.isEmpty() || with.isEmpty()) return null;
        String pattern = search.get();
        // "/.../" is a regular expression in Terraform; its syntax differs from Java's, so unknown
        if (pattern.length() > 1 && pattern.startsWith("/") && pattern.endsWith("/")) return null;
        // the length is known before building: replacing each of n characters by a long text is quadratic
        long n = occurrences(s.get(), pattern);
        if (!fits(s.get().length() + n * ((long) with.get().length() - pattern.length()), c, true)) return null;
        return new Value.Text(s.get().replace(pattern, with.get()), r);
      }
      case "format" -> {
        Optional<String> f = str(args, 0, r);
        if (f.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        return format(f.get(), args.subList(1, args.size()), sb, c) ? text(sb, c) : null;
      }
      case "coalesce" -> {
        for (Value a : args) {
          if (!a.isKnown()) return null;
          if (a instanceof Value.Null) continue;
          if (a instanceof Value.Text t && t.value().isEmpty()) continue;
          return a;
        }
        return null;
      }
      case "length" -> {
        if (args.size() != 1) return null;
        Value a = args.get(0);
        int n;
        if (a instanceof Value.ListValue l) n = l.items().size();
        else if (a instanceof Value.ObjectValue o) n = o.size();
        else if (a instanceof Value.Text t) n = t.value().codePointCount(0, t.value().length());
        else return null;
        return new Value.Num(Integer.toString(n), r);
      }
      case "keys", "values" -> {
        if (args.size() != 1 || !(args.get(0) instanceof Value.ObjectValue o)) return null;
        List<Value.Field> sorted = new ArrayList<>(o.fields());
        sorted.sort(java.util.Comparator.comparing(Value.Field::key));
        List<Value> out = new ArrayList<>();
        for (Value.Field f : sorted) out.add(name.equals("keys") ? new Value.Text(f.key(), f.keyRange()) : f.value());
        return new Value.ListValue(out, r);
      }
      case "lookup" -> {
        if (args.size() < 2 || !(args.get(0) instanceof Value.ObjectValue o)) return null;
        Optional<String> key = str(args, 1, r);
        if (key.isEmpty()) return null;
        Optional<Value> v = o.get(key.get());
        if (v.isPresent()) return v.get();
        return args.size() == 3 ? args.get(2) : null;
      }
      case "element" -> {
        if (args.size() != 2 || !(args.get(0) instanceof Value.ListValue l) || l.items().isEmpty()) return null;
        Optional<BigDecimal> i = TerraformEvaluator.number(args.get(1));
        if (i.isEmpty()) return null;
        try {
          return l.items().get(Math.floorMod(i.get().intValueExact(), l.items().size()));
        } catch (ArithmeticException e) {
          return null;
        }
      }
      case "compact" -> {
        if (args.size() != 1 || !(args.get(0) instanceof Value.ListValue l)) return null;
        List<Value> out = new ArrayList<>();
        for (Value v : l.items()) {
          if (!v.isKnown()) return null;
          if (v instanceof Value.Null || (v instanceof Value.Text t && t.value().isEmpty())) continue;
          out.add(v);
        }
        return new Value.ListValue(out, r);
      }
      case "distinct" -> {
        if (args.size() != 1 || !(args.get(0) instanceof Value.ListValue l)) return null;
        Set<String> seen = new LinkedHashSet<>();
        List<Value> out = new ArrayList<>();
        for (Value v : l.items()) {
          Optional<String> s = v.scalar();
          if (s.isEmpty()) return null;
          if (seen.add(s.get())) out.add(v);
        }
        return new Value.ListValue(out, r);
      }
      case "contains" -> {
        if (args.size() != 2 || !(args.get(0) instanceof Value.ListValue l)) return null;
        for (Value v : l.items()) {
          Optional<Boolean> eq = TerraformEvaluator.equal(v, args.get(1));
          if (eq.isEmpty()) return null;
          if (eq.get()) return new Value.Bool(true, r);
        }
        return new Value.Bool(false, r);
      }
      case "try" -> {
        // try() falls back on errors, which we cannot see; only a first argument we know is safe
        return !args.isEmpty() && args.get(0).isKnown() ? args.get(0) : null;
      }
      default -> {
        return null;
      }
    }
  }

  private Value templatefile(List<Value> args, SourceRange r) {
    Optional<String> p = str(args, 0, r);
    if (args.size() != 2 || p.isEmpty() || !(args.get(1) instanceof Value.ObjectValue vars)) return null;
    Optional<Value.Text> content = files.readReferenced(p.get(), r);
    if (content.isEmpty()) return null;
    return render(content, vars, r, "templatefile(" + p.get() + ")");
  }

  /**
   * The {@code rendered} text of the template provider's {@code template_file} (data source or
   * resource): its {@code template} rendered with its {@code vars}, as templatefile() does; null
   * when the template is not known text.
   */
  Value renderTemplateFile(Value template, Value vars, SourceRange r) {
    if (!(template instanceof Value.Text t)) return null;
    Value.ObjectValue v = vars instanceof Value.ObjectValue o ? o : Value.ObjectValue.empty(r);
    if (vars != null && !(vars instanceof Value.ObjectValue) && !(vars instanceof Value.Null)) return null;
    return render(Optional.of(t), v, r, "template_file");
  }

  private Value render(Optional<Value.Text> content, Value.ObjectValue vars, SourceRange r, String what) {
    String file = content.get().range().file();
    // Terraform refuses templatefile inside a template; OpenTofu allows it to a depth. Either way a
    // template that renders itself never ends here, as nothing in it is evaluated lazily.
    String refusal = bounds.templateRefusal(file);
    if (refusal != null) {
      files.warn(r, what + ": " + file + " " + refusal + "; its value is unknown");
      return null;
    }
    Template t;
    try {
      t = HclParser.parseTemplate(SourceText.ofFile(file, content.get().value()), content.get().range(),
          bounds.limits());
    } catch (SyntaxError e) {
      files.warn(r, what + ": line " + e.line + ": " + e.getMessage());
      return null;
    }
    TerraformEvaluator.Scope scope = TerraformEvaluator.Scope.EMPTY;
    for (Value.Field f : vars.fields()) scope = scope.with(f.key(), f.value());
    Value v;
    bounds.enterTemplate(file);
    try {
      v = evaluator.forTemplate().eval(t, scope);
    } finally {
      bounds.leaveTemplate();
    }
    Value placed = inTemplateFile(v, content.get(), r);
    return placed == null || (!placed.isKnown() && !(placed instanceof Value.Conditional)
        && !(placed instanceof Value.Unknown u && u.partial() != null)) ? null : placed;
  }

  /**
   * A rendering of a template file, placed in that file: its text is verbatim (lines map to the
   * file's) unless a substitution added lines; a text with holes stays partly known, placed at
   * the {@code templatefile()} call; each outcome of a directive is placed the same way.
   */
  private static Value inTemplateFile(Value v, Value.Text file, SourceRange call) {
    if (v instanceof Value.Text text) return placedText(text, file);
    if (v instanceof Value.Unknown u && u.partial() != null) {
      return new Value.Unknown("templatefile(" + file.range().file() + ")", call, placedText(u.partial(), file));
    }
    if (v instanceof Value.Conditional c) {
      Value a = inTemplateFile(c.whenTrue(), file, call);
      Value b = inTemplateFile(c.whenFalse(), file, call);
      if (a == null || b == null) return null;
      return new Value.Conditional(c.condition(), a, b, call);
    }
    return v.isKnown() ? v : null;
  }

  private static Value.Text placedText(Value.Text text, Value.Text file) {
    // lines of a template file keep their numbers unless a substitution added some
    boolean verbatim = text.value().split("\n", -1).length == file.value().split("\n", -1).length;
    return new Value.Text(text.value(), file.range(), verbatim);
  }

  /** False when something is unknown, or when more than {@code max} items would come out (then out holds max + 1). */
  private static boolean flatten(Value.ListValue l, List<Value> out, int max) {
    for (Value v : l.items()) {
      if (v instanceof Value.ListValue inner) {
        if (!flatten(inner, out, max)) return false;
      } else if (!v.isKnown()) {
        return false;
      } else {
        out.add(v);
        if (out.size() > max) return false;
      }
    }
    return true;
  }

  private static long occurrences(String s, String pattern) {
    if (pattern.isEmpty()) return s.length() + 1L;
    long n = 0;
    for (int i = s.indexOf(pattern); i >= 0; i = s.indexOf(pattern, i + pattern.length())) n++;
    return n;
  }

  private static Value toSet(Value.ListValue l, SourceRange r) {
    Set<String> seen = new TreeSet<>();
    List<Value> out = new ArrayList<>();
    boolean allText = true;
    for (Value v : l.items()) {
      Optional<String> s = v.scalar();
      if (s.isEmpty()) return l.items().isEmpty() ? l : null;
      if (!(v instanceof Value.Text)) allText = false;
      if (seen.add(s.get())) out.add(v);
    }
    // Terraform orders a set of strings lexically
    if (allText) out.sort(java.util.Comparator.comparing(v -> v.scalar().orElseThrow()));
    return new Value.ListValue(out, r);
  }

  private static String titleCase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean start = true;
    for (char c : s.toCharArray()) {
      sb.append(start ? Character.toUpperCase(c) : c);
      start = !Character.isLetterOrDigit(c);
    }
    return sb.toString();
  }

  private Optional<String> str(List<Value> args, int i, SourceRange call) {
    return i < args.size() ? evaluator.asString(args.get(i), call) : Optional.empty();
  }

  /** Terraform's format() for the verbs %s %d %v %q and %%; anything else is unknown. */
  private boolean format(String f, List<Value> args, StringBuilder sb, Call call) {
    int next = 0;
    for (int i = 0; i < f.length(); i++) {
      // each verb appends one bounded argument, so checking per character of the format suffices
      if (!fits(sb.length(), call, true)) return false;
      char c = f.charAt(i);
      if (c != '%') {
        sb.append(c);
        continue;
      }
      if (i + 1 >= f.length()) return false;
      char verb = f.charAt(++i);
      if (verb == '%') {
        sb.append('%');
        continue;
      }
      if (next >= args.size()) return false;
      Value a = args.get(next++);
      switch (verb) {
        case 's', 'v' -> {
          Optional<String> s = evaluator.asString(a, call.loc().range());
          if (s.isEmpty()) return false;
          sb.append(s.get());
        }
        case 'd' -> {
          Optional<BigDecimal> n = TerraformEvaluator.number(a);
          if (n.isEmpty()) return false;
          try {
            sb.append(n.get().toBigIntegerExact());
          } catch (ArithmeticException e) {
            return false;
          }
        }
        case 'q' -> {
          Optional<String> s = a.scalar();
          if (s.isEmpty()) return false;
          JsonTextWriter.quote(s.get(), sb);
        }
        default -> {
          return false;
        }
      }
    }
    return fits(sb.length(), call, true);
  }
}
