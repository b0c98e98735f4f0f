package dev.iamscan.scanner;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ModuleCall;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Renames every file and scope of a parse result from root-relative to working-directory-relative.
 * Parsers name files relative to the root they were given; with several roots, or a root below the
 * working directory, those names would collide or not match what the user typed, so the scanner
 * prefixes them once here, before rules see the model.
 */
final class PathRelocation {
  private final String prefix;

  PathRelocation(String prefix) {
    this.prefix = prefix;
  }

  ParseResult apply(ParseResult result) {
    if (prefix.isEmpty()) return result;
    List<Resource> resources = new ArrayList<>(result.resources().size());
    for (Resource r : result.resources()) resources.add(resource(r));
    List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics().size());
    for (Diagnostic d : result.diagnostics()) {
      diagnostics.add(new Diagnostic(d.level(), file(d.file()), d.line(), d.column(), d.message()));
    }
    List<String> files = new ArrayList<>(result.files().size());
    for (String f : result.files()) files.add(file(f));
    return new ParseResult(resources, diagnostics, files);
  }

  /** A target bound to a module instance's scope names that scope, which moves with its files. */
  private String target(String target) {
    int sep = target.indexOf(ResourceModel.SCOPE_SEPARATOR);
    return sep < 0 ? target : file(target.substring(0, sep)) + target.substring(sep);
  }

  String file(String file) {
    if (file.isEmpty() || file.equals(".")) return prefix.substring(0, prefix.length() - 1);
    return prefix + file;
  }

  private Resource resource(Resource r) {
    List<ModuleCall> calls = new ArrayList<>(r.moduleCalls().size());
    for (ModuleCall c : r.moduleCalls()) calls.add(new ModuleCall(c.address(), file(c.callerScope()), range(c.range())));
    return new Resource(r.format(), r.kind(), r.type(), r.name(), file(r.scope()),
        object(r.body()), object(r.attributes()), range(r.range()), calls);
  }

  private SourceRange range(SourceRange s) {
    return new SourceRange(file(s.file()), s.startLine(), s.startColumn(), s.endLine(), s.endColumn());
  }

  private Value.ObjectValue object(Value.ObjectValue o) {
    List<Value.Field> fields = new ArrayList<>(o.size());
    for (Value.Field f : o.fields()) fields.add(new Value.Field(f.key(), range(f.keyRange()), value(f.value())));
    return new Value.ObjectValue(fields, range(o.range()));
  }

  private Value value(Value v) {
    // Java 17 has no pattern switch; the chain is exhaustive over the sealed Value.
    if (v instanceof Value.Text t) {
      Value.Origin origin = t.origin() == null ? null : new Value.Origin(t.origin().description(), range(t.origin().range()));
      return new Value.Text(t.value(), range(t.range()), t.verbatim(), origin);
    }
    if (v instanceof Value.Num n) return new Value.Num(n.text(), range(n.range()));
    if (v instanceof Value.Bool b) return new Value.Bool(b.value(), range(b.range()));
    if (v instanceof Value.Null n) return new Value.Null(range(n.range()));
    if (v instanceof Value.ListValue l) {
      List<Value> items = new ArrayList<>(l.items().size());
      for (Value item : l.items()) items.add(value(item));
      return new Value.ListValue(items, range(l.range()));
    }
    if (v instanceof Value.ObjectValue o) return object(o);
    if (v instanceof Value.Unknown u) {
      // the partly known text of a template goes along: policies with computed parts stay readable;
      // so do the references the value was computed from
      Value.Text partial = u.partial() == null ? null : (Value.Text) value(u.partial());
      List<Value.Reference> from = new ArrayList<>(u.references().size());
      for (Value.Reference r : u.references()) from.add((Value.Reference) value(r));
      return new Value.Unknown(u.expression(), range(u.range()), partial, from);
    }
    if (v instanceof Value.Reference r) {
      return new Value.Reference(target(r.target()), r.attribute(), r.expression(), range(r.range()));
    }
    if (v instanceof Value.Conditional c) {
      return new Value.Conditional(c.condition(), value(c.whenTrue()), value(c.whenFalse()), range(c.range()), c.byDefault());
    }
    throw new IllegalStateException("unexpected value " + v.getClass());
  }

}
