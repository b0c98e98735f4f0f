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

  TerraformFunctions(TerraformEvaluator evaluator, ModuleFiles files) {
    this.evaluator = evaluator;
    this.files = files;
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
    return v == null ? TerraformEvaluator.unknown(c) : v;
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
        return JsonTextWriter.write(v).map(s -> (Value) new Value.Text(s, r)).orElse(null);
      }
      case "jsondecode" -> {
        if (args.size() != 1) return null;
        Value v = args.get(0);
        if (v instanceof Value.ObjectValue || v instanceof Value.ListValue) return v;
        if (!(v instanceof Value.Text t)) return null;
        JsonValueReader.Result res = JsonValueReader.readEmbedded(t);
        if (!res.ok()) {
          files.warn(r, "jsondecode: " + res.error().message());
          return null;
        }
        return res.value();
      }
      case "file" -> {
        Optional<String> p = str(args, 0);
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
          fields.addAll(o.fields());
        }
        return new Value.ObjectValue(TerraformEvaluator.dedupe(fields), r);
      }
      case "concat" -> {
        List<Value> items = new ArrayList<>();
        for (Value a : args) {
          if (!(a instanceof Value.ListValue l)) return null;
          items.addAll(l.items());
        }
        return new Value.ListValue(items, r);
      }
      case "flatten" -> {
        if (args.size() != 1 || !(args.get(0) instanceof Value.ListValue l)) return null;
        List<Value> out = new ArrayList<>();
        return flatten(l, out) ? new Value.ListValue(out, r) : null;
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
        Optional<String> s = str(args, 0);
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
        Optional<String> sep = str(args, 0);
        if (args.size() < 2 || sep.isEmpty()) return null;
        List<String> parts = new ArrayList<>();
        for (Value a : args.subList(1, args.size())) {
          if (!(a instanceof Value.ListValue l)) return null;
          for (Value item : l.items()) {
            Optional<String> s = item.scalar();
            if (s.isEmpty()) return null;
            parts.add(s.get());
          }
        }
        return new Value.Text(String.join(sep.get(), parts), r);
      }
      case "split" -> {
        Optional<String> sep = str(args, 0);
        Optional<String> s = str(args, 1);
        if (args.size() != 2 || sep.isEmpty() || s.isEmpty() || sep.get().isEmpty()) return null;
        List<Value> items = new ArrayList<>();
        int from = 0;
        while (true) {
          int i = s.get().indexOf(sep.get(), from);
          if (i < 0) break;
          items.add(new Value.Text(s.get().substring(from, i), r));
          from = i + sep.get().length();
        }
        items.add(new Value.Text(s.get().substring(from), r));
        return new Value.ListValue(items, r);
      }
      case "replace" -> {
        Optional<String> s = str(args, 0);
        Optional<String> search = str(args, 1);
        Optional<String> with = str(args, 2);
        if (args.size() != 3 || s.isEmpty() || search.isEmpty() || with.isEmpty()) return null;
        String pattern = search.get();
        // "/.../" is a regular expression in Terraform; its syntax differs from Java's, so unknown
        if (pattern.length() > 1 && pattern.startsWith("/") && pattern.endsWith("/")) return null;
        return new Value.Text(s.get().replace(pattern, with.get()), r);
      }
      case "format" -> {
        Optional<String> f = str(args, 0);
        if (f.isEmpty()) return null;
        return format(f.get(), args.subList(1, args.size())).map(s -> (Value) new Value.Text(s, r)).orElse(null);
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
        Optional<String> key = str(args, 1);
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
    Optional<String> p = str(args, 0);
    if (args.size() != 2 || p.isEmpty() || !(args.get(1) instanceof Value.ObjectValue vars)) return null;
    Optional<Value.Text> content = files.readReferenced(p.get(), r);
    if (content.isEmpty()) return null;
    Template t;
    try {
      t = HclParser.parseTemplate(SourceText.ofFile(content.get().range().file(), content.get().value()),
          content.get().range());
    } catch (SyntaxError e) {
      files.warn(r, "templatefile(" + p.get() + "): line " + e.line + ": " + e.getMessage());
      return null;
    }
    TerraformEvaluator.Scope scope = TerraformEvaluator.Scope.EMPTY;
    for (Value.Field f : vars.fields()) scope = scope.with(f.key(), f.value());
    Value v = evaluator.forTemplate(files).eval(t, scope);
    if (v instanceof Value.Text text) {
      // lines of a template file keep their numbers unless a substitution added some
      boolean verbatim = !t.hasDirective() && text.value().split("\n", -1).length
          == content.get().value().split("\n", -1).length;
      return new Value.Text(text.value(), content.get().range(), verbatim);
    }
    return v.isKnown() ? v : null;
  }

  private static boolean flatten(Value.ListValue l, List<Value> out) {
    for (Value v : l.items()) {
      if (v instanceof Value.ListValue inner) {
        if (!flatten(inner, out)) return false;
      } else if (!v.isKnown()) {
        return false;
      } else {
        out.add(v);
      }
    }
    return true;
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

  private static Optional<String> str(List<Value> args, int i) {
    return i < args.size() ? TerraformEvaluator.asString(args.get(i)) : Optional.empty();
  }

  /** Terraform's format() for the verbs %s %d %v %q and %%; anything else is unknown. */
  private static Optional<String> format(String f, List<Value> args) {
    StringBuilder sb = new StringBuilder();
    int next = 0;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c != '%') {
        sb.append(c);
        continue;
      }
      if (i + 1 >= f.length()) return Optional.empty();
      char verb = f.charAt(++i);
      if (verb == '%') {
        sb.append('%');
        continue;
      }
      if (next >= args.size()) return Optional.empty();
      Value a = args.get(next++);
      switch (verb) {
        case 's', 'v' -> {
          Optional<String> s = TerraformEvaluator.asString(a);
          if (s.isEmpty()) return Optional.empty();
          sb.append(s.get());
        }
        case 'd' -> {
          Optional<BigDecimal> n = TerraformEvaluator.number(a);
          if (n.isEmpty()) return Optional.empty();
          try {
            sb.append(n.get().toBigIntegerExact());
          } catch (ArithmeticException e) {
            return Optional.empty();
          }
        }
        case 'q' -> {
          Optional<String> s = a.scalar();
          if (s.isEmpty()) return Optional.empty();
          JsonTextWriter.quote(s.get(), sb);
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(sb.toString());
  }
}
