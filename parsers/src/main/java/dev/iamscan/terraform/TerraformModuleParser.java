package dev.iamscan.terraform;

import dev.iamscan.json.JsonValueReader;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.Format;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.ParserLimits;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.terraform.HclSyntax.Attribute;
import dev.iamscan.terraform.HclSyntax.Block;
import dev.iamscan.terraform.HclSyntax.Body;
import dev.iamscan.terraform.HclSyntax.Expr;
import dev.iamscan.terraform.HclSyntax.Item;
import dev.iamscan.terraform.HclSyntax.Parens;
import dev.iamscan.terraform.HclSyntax.SyntaxError;
import dev.iamscan.terraform.HclSyntax.Traversal;
import dev.iamscan.terraform.TerraformEvaluator.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads every {@code *.tf} and {@code *.tf.json} file of one directory as one Terraform module and
 * evaluates it into located resources. Never throws on bad input: problems become diagnostics.
 *
 * <p>Meta-arguments ({@code count}, {@code for_each}, {@code depends_on}, {@code provider},
 * {@code providers}, {@code lifecycle}) go to {@link Resource#attributes()} only; the body holds
 * the configuration arguments and nested blocks. A resource whose {@code count} is known to be 0,
 * or whose {@code for_each} is known to be empty, is not created and so not reported.
 *
 * <p>The directory is read as a root module: the local modules it calls are evaluated with the
 * arguments of each call ({@link ModuleInstantiator}).
 */
public final class TerraformModuleParser {
  private static final Set<String> META = Set.of("count", "for_each", "depends_on", "provider", "providers", "lifecycle");

  /** A parsed file: its top-level blocks, or nothing when it could not be read or parsed. */
  record ParsedFile(String name, Body body) {}

  private final ParserLimits limits;

  /** A parser with {@link ParserLimits#DEFAULTS}. */
  public TerraformModuleParser() {
    this(ParserLimits.DEFAULTS);
  }

  /** A parser bounded by {@code limits}: file sizes, HCL and JSON syntax, and the cost of evaluation. */
  public TerraformModuleParser(ParserLimits limits) {
    this.limits = java.util.Objects.requireNonNull(limits, "limits");
  }

  /** The bounds this parser keeps within; the plan reader applies them to plan files too. */
  public ParserLimits limits() {
    return limits;
  }

  /**
   * @param moduleDir the module directory
   * @param scanRoot the root the scan was asked for; file paths in the result are relative to it,
   *     and {@code file()} never reads outside it
   * @param varFiles extra variable files ({@code --var-file}), applied after the module's own
   *     {@code terraform.tfvars} and {@code *.auto.tfvars}
   */
  public ParseResult parse(Path moduleDir, Path scanRoot, List<Path> varFiles) {
    return parse(moduleDir, scanRoot, varFiles, Map.of());
  }

  /**
   * As {@link #parse(Path, Path, List)}, with root variable values that win over every variable
   * file: the values a plan was made with.
   */
  public ParseResult parse(Path moduleDir, Path scanRoot, List<Path> varFiles, Map<String, Value> variables) {
    ModuleFiles files = new ModuleFiles(moduleDir, scanRoot, limits);
    ModuleInstantiator modules = new ModuleInstantiator(this, files, scanRoot);
    List<Resource> resources;
    try {
      resources = modules.root(varFiles == null ? List.of() : varFiles, variables);
    } catch (RuntimeException | StackOverflowError e) {
      // a defect of ours must not hide the module: report it as not scanned
      files.add(Diagnostic.error(files.relative(moduleDir), 1, 1,
          "internal error while reading the module: " + e));
      resources = List.of();
    }
    return new ParseResult(resources, modules.diagnostics(), modules.filesRead());
  }

  /**
   * The directories this module calls through local {@code source} paths ({@code ./x}, {@code ../x}),
   * normalised; what a scanner needs to tell root modules from called ones without evaluating them.
   */
  public Set<Path> localCalls(Path moduleDir) {
    Path dir = moduleDir.toAbsolutePath().normalize();
    ModuleFiles files = new ModuleFiles(dir, dir, limits);
    Set<Path> out = new java.util.LinkedHashSet<>();
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(Files::isRegularFile).sorted().forEach(p -> {
        String n = p.getFileName().toString();
        if (n.endsWith(".tf") || n.endsWith(".tf.json")) sources.add(p);
      });
    } catch (IOException | SecurityException e) {
      return out;
    }
    TerraformEvaluator constants = new TerraformEvaluator(Map.of(), Map.of(), files, new EvaluationBounds(limits));
    for (Path p : sources) {
      Body body;
      try {
        body = parseSource(p, files);
      } catch (RuntimeException | StackOverflowError e) {
        continue; // reported when the module itself is parsed
      }
      if (body == null) continue;
      for (Item item : body.items()) {
        if (!(item instanceof Block b) || !b.type().equals("module")) continue;
        attribute(b.body(), "source").flatMap(a -> constants.eval(a.value(), Scope.EMPTY).scalar())
            .filter(ModuleInstantiator::isLocalSource)
            .ifPresent(s -> {
              try {
                out.add(dir.resolve(s).normalize());
              } catch (java.nio.file.InvalidPathException e) {
                // not a path Terraform could use either
              }
            });
      }
    }
    return out;
  }

  static Optional<Attribute> attribute(Body body, String name) {
    for (Item i : body.items()) if (i instanceof Attribute a && a.name().equals(name)) return Optional.of(a);
    return Optional.empty();
  }

  Body parseSource(Path p, ModuleFiles files) {
    String rel = files.relative(p);
    Optional<String> text = files.readSource(p);
    if (text.isEmpty()) return null;
    if (rel.endsWith(".json")) {
      JsonValueReader.Result r = JsonValueReader.readFile(text.get(), rel, limits);
      r.warnings().forEach(files::add);
      if (!r.ok()) {
        files.add(r.error());
        return null;
      }
      if (!(r.value() instanceof Value.ObjectValue o)) {
        files.add(Diagnostic.error(rel, 1, 1, "Terraform JSON must be an object at the top level"));
        return null;
      }
      return new TerraformJsonSyntax(files).convert(o);
    }
    try {
      return HclParser.parseBody(SourceText.ofFile(rel, text.get()), limits);
    } catch (SyntaxError e) {
      files.add(Diagnostic.error(rel, e.line, e.column, "syntax error: " + e.getMessage() + "; file not scanned"));
      return null;
    }
  }

  void applyVarFile(Path p, Set<String> declared, Map<String, Value> variables, TerraformEvaluator constants,
      ModuleFiles files) {
    String rel = files.relative(p);
    if (rel.endsWith(".json")) {
      // variable values in JSON are plain values, not Terraform JSON syntax
      Optional<String> text = files.readSource(p);
      if (text.isEmpty()) return;
      JsonValueReader.Result r = JsonValueReader.readFile(text.get(), rel, limits);
      r.warnings().forEach(files::add);
      if (!r.ok()) {
        files.add(r.error());
      } else if (r.value() instanceof Value.ObjectValue o) {
        for (Value.Field f : o.fields()) if (declared.contains(f.key())) variables.put(f.key(), f.value());
      } else {
        files.add(Diagnostic.error(rel, 1, 1, "a variable file must hold an object"));
      }
      return;
    }
    Body body = parseSource(p, files);
    if (body == null) return;
    for (Item item : body.items()) {
      if (item instanceof Attribute a && declared.contains(a.name())) {
        variables.put(a.name(), constants.eval(a.value(), Scope.EMPTY));
      }
    }
  }

  // ---- resources ----

  Optional<Resource> resource(Block b, String scope, TerraformEvaluator eval, ModuleFiles files) {
    return resource(b, scope, eval, null, files);
  }

  /**
   * @param withoutDefaults the module's evaluator with the variables that keep their defaults
   *     unknown, or null: a resource whose {@code count} or {@code for_each} only those defaults
   *     make zero or empty is kept, with {@link Resource#APPLIES_WHEN} saying what turns it on
   */
  Optional<Resource> resource(Block b, String scope, TerraformEvaluator eval, TerraformEvaluator withoutDefaults,
      ModuleFiles files) {
    String kind = b.type();
    String type;
    String name;
    List<String> labels = b.labels();
    switch (kind) {
      case "resource", "data" -> {
        if (labels.size() != 2) return badLabels(b, 2, files);
        type = labels.get(0);
        name = labels.get(1);
      }
      case "module" -> {
        if (labels.size() != 1) return badLabels(b, 1, files);
        type = "module";
        name = labels.get(0);
      }
      case "output" -> {
        // What a root module hands out: rules ask whether a secret lands in a readable output.
        if (labels.size() != 1) return badLabels(b, 1, files);
        type = "output";
        name = labels.get(0);
      }
      case "provider" -> {
        if (labels.size() != 1) return badLabels(b, 1, files);
        type = labels.get(0);
        name = attribute(b.body(), "alias").map(a -> eval.eval(a.value(), Scope.EMPTY).scalar().orElse("")).orElse("");
      }
      default -> {
        return Optional.empty();
      }
    }
    Scope s = Scope.EMPTY;
    List<Value.Field> meta = new ArrayList<>();
    List<Item> config = new ArrayList<>();
    for (Item item : b.body().items()) {
      String n = item instanceof Attribute a ? a.name() : ((Block) item).type();
      if (META.contains(n) && !kind.equals("provider")) {
        meta.addAll(fields(List.of(item), eval, s, new int[1], files));
      } else {
        config.add(item);
      }
    }
    String appliesWhen = null;
    for (Value.Field f : meta) {
      boolean count = f.key().equals("count");
      boolean off = (count && isKnownZero(f.value())) || (f.key().equals("for_each") && isKnownEmpty(f.value()));
      if (!off) continue;
      Optional<Attribute> a = attribute(b.body(), f.key());
      if (withoutDefaults == null || a.isEmpty()) return Optional.empty();
      Value open = withoutDefaults.eval(a.get().value(), s);
      if (count ? isKnownZero(open) : isKnownEmpty(open)) return Optional.empty();
      appliesWhen = appliesWhen(a.get(), eval);
    }
    SourceRange range = b.loc().range();
    List<Value.Field> bodyFields = fields(config, eval, s, new int[1], files);
    if (type.equals("template_file") && !kind.equals("provider") && !kind.equals("module")) {
      // the template provider's template_file, the older way to write policies from templates:
      // its rendered text is known as far as templatefile() would know it
      Value.ObjectValue written = new Value.ObjectValue(bodyFields, range);
      Optional<Value> template = written.get("template");
      Value rendered = template.isEmpty() ? null
          : eval.renderTemplateFile(template.get(), written.get("vars").orElse(null), b.header().range());
      if (rendered != null && !written.has("rendered")) {
        bodyFields.add(new Value.Field("rendered", b.header().range(), rendered));
      }
    }
    Value.ObjectValue body = new Value.ObjectValue(bodyFields, range);
    if (appliesWhen != null) {
      meta.add(new Value.Field(Resource.APPLIES_WHEN, b.header().range(), new Value.Text(appliesWhen, b.header().range())));
    }
    Value.ObjectValue attributes = new Value.ObjectValue(meta, range);
    return Optional.of(new Resource(Format.TERRAFORM, kind, type, name, scope, body, attributes, range, List.of()));
  }

  /** The resource of a module instance that exists only when {@code when} holds (and its own condition, if any). */
  static Resource withAppliesWhen(Resource r, String when) {
    List<Value.Field> fields = new ArrayList<>();
    String combined = when;
    for (Value.Field f : r.attributes().fields()) {
      if (f.key().equals(Resource.APPLIES_WHEN)) {
        combined = when + " and " + f.value().scalar().orElse("");
      } else {
        fields.add(f);
      }
    }
    fields.add(new Value.Field(Resource.APPLIES_WHEN, r.headRange(), new Value.Text(combined, r.headRange())));
    return new Resource(r.format(), r.kind(), r.type(), r.name(), r.scope(), r.body(),
        new Value.ObjectValue(fields, r.attributes().range()), r.range(), r.moduleCalls());
  }

  private static boolean isKnownZero(Value v) {
    return TerraformEvaluator.number(v).map(d -> d.signum() == 0).orElse(false);
  }

  /**
   * Under which values a resource switched off by variable defaults exists: {@code var.enabled =
   * true} for {@code count = var.enabled ? 1 : 0}, else the count or for_each expression.
   */
  static String appliesWhen(Attribute a, TerraformEvaluator eval) {
    boolean count = a.name().equals("count");
    Expr e = a.value();
    while (e instanceof Parens p) e = p.inner();
    if (e instanceof HclSyntax.Conditional c) {
      Value t = eval.eval(c.whenTrue(), Scope.EMPTY);
      Value f = eval.eval(c.whenFalse(), Scope.EMPTY);
      boolean trueOff = count ? isKnownZero(t) : isKnownEmpty(t);
      boolean falseOff = count ? isKnownZero(f) : isKnownEmpty(f);
      String cond = c.condition().loc().text().strip();
      boolean plain = c.condition() instanceof Traversal;
      if (falseOff && !trueOff) return plain ? cond + " = true" : cond + " is true";
      if (trueOff && !falseOff) return plain ? cond + " = false" : "not (" + cond + ")";
    }
    return a.name() + " = " + a.value().loc().text().strip() + (count ? " is not 0" : " is not empty");
  }

  static boolean isKnownEmpty(Value v) {
    return (v instanceof Value.ListValue l && l.items().isEmpty())
        || (v instanceof Value.ObjectValue o && o.size() == 0);
  }

  private Optional<Resource> badLabels(Block b, int expected, ModuleFiles files) {
    SourceRange r = b.header().range();
    files.add(Diagnostic.error(r.file(), r.startLine(), r.startColumn(),
        "a " + b.type() + " block needs " + expected + " label(s), found " + b.labels().size() + "; block not scanned"));
    return Optional.empty();
  }

  /**
   * Attributes and nested blocks as fields; dynamic blocks with a known for_each are expanded.
   *
   * @param generated blocks generated by dynamic blocks so far in this resource (one counter for
   *     all levels, since nested dynamic blocks multiply)
   */
  private List<Value.Field> fields(List<Item> items, TerraformEvaluator eval, Scope scope, int[] generated,
      ModuleFiles files) {
    List<Value.Field> out = new ArrayList<>();
    for (Item item : items) {
      if (item instanceof Attribute a) {
        out.add(new Value.Field(a.name(), a.nameLoc().range(), eval.eval(a.value(), scope)));
      } else if (item instanceof Block nb) {
        if (nb.type().equals("dynamic") && nb.labels().size() == 1) {
          dynamic(nb, eval, scope, out, generated, files);
        } else {
          out.add(new Value.Field(nb.type(), nb.header().range(),
              new Value.ObjectValue(fields(nb.body().items(), eval, scope, generated, files), nb.loc().range())));
        }
      }
    }
    return out;
  }

  private void dynamic(Block dyn, TerraformEvaluator eval, Scope scope, List<Value.Field> out, int[] generated,
      ModuleFiles files) {
    String label = dyn.labels().get(0);
    Optional<Attribute> forEach = attribute(dyn.body(), "for_each");
    String iterator = attribute(dyn.body(), "iterator")
        .filter(a -> a.value() instanceof Traversal t && t.steps().isEmpty())
        .map(a -> ((Traversal) a.value()).root())
        .orElse(label);
    Block content = null;
    for (Item i : dyn.body().items()) if (i instanceof Block c && c.type().equals("content")) content = c;
    SourceRange header = dyn.header().range();
    if (forEach.isEmpty() || content == null) return;
    Value coll = eval.eval(forEach.get().value(), scope);
    List<Value[]> entries = new ArrayList<>();
    if (coll instanceof Value.ListValue l) {
      for (Value v : l.items()) {
        // a set's key is its value; for_each over a list is only legal as a set
        entries.add(new Value[] {v, v});
      }
    } else if (coll instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) entries.add(new Value[] {new Value.Text(f.key(), f.keyRange()), f.value()});
    } else if (coll instanceof Value.Null) {
      return;
    } else {
      out.add(new Value.Field(label, header, new Value.Unknown(forEach.get().value().loc().text(), dyn.loc().range())));
      return;
    }
    for (Value[] e : entries) {
      if (generated[0] >= limits.maxDynamicInstances()) {
        // the blocks beyond the bound are not built; one unknown block stands for them, so the
        // resource is never seen as complete. Reported once, where the bound was reached.
        if (generated[0] == limits.maxDynamicInstances()) {
          files.warn(header, "dynamic \"" + label + "\" would generate more than " + limits.maxDynamicInstances()
              + " blocks in this resource; the rest are unknown");
          generated[0]++;
        }
        out.add(new Value.Field(label, header, new Value.Unknown(dyn.loc().text(), dyn.loc().range())));
        return;
      }
      generated[0]++;
      List<Value.Field> it = List.of(
          new Value.Field("key", e[0].range(), e[0]),
          new Value.Field("value", e[1].range(), e[1]));
      Scope inner = scope.with(iterator, new Value.ObjectValue(it, e[1].range()));
      out.add(new Value.Field(label, header,
          new Value.ObjectValue(fields(content.body().items(), eval, inner, generated, files), content.loc().range())));
    }
  }
}
