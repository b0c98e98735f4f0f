package dev.iamscan.terraform;

import dev.iamscan.json.JsonValueReader;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ModuleCall;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.terraform.HclSyntax.Attribute;
import dev.iamscan.terraform.HclSyntax.Block;
import dev.iamscan.terraform.HclSyntax.Expr;
import dev.iamscan.terraform.HclSyntax.Item;
import dev.iamscan.terraform.TerraformEvaluator.Scope;
import dev.iamscan.terraform.TerraformModuleParser.ParsedFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Evaluates a root module together with the modules it calls. A local child ({@code ./x},
 * {@code ../x}) is evaluated once per instance with the call's arguments as its variables, and its
 * outputs flow back to the caller; remote sources are never fetched, but the copies
 * {@code terraform init} listed in {@code .terraform/modules/modules.json} are used when present.
 *
 * <p>Bounded: a call chain deeper than {@link #MAX_DEPTH}, a module that calls itself, or more than
 * {@link #MAX_INSTANCES} module instances under one root become diagnostics, not hangs.
 */
final class ModuleInstantiator {
  static final int MAX_DEPTH = 16;
  static final int MAX_INSTANCES = 1000;
  private static final Set<String> CALL_META =
      Set.of("source", "version", "count", "for_each", "providers", "depends_on");

  /** The parsed files of one module directory, shared by all its instances. */
  private record Loaded(ModuleFiles files, List<ParsedFile> parsed, Map<String, Expr> defaults,
      Map<String, Expr> locals, Map<String, Block> calls, Map<String, Expr> outputs) {}

  /** A directory a call resolved to, or why it did not. */
  private record Target(Path dir, String problem) {}

  private final TerraformModuleParser parser;
  private final Path scanRoot;
  private final Path realRoot;
  private final Path rootDir;
  private final ModuleFiles rootFiles;
  private final Map<Path, Loaded> loaded = new HashMap<>();
  private final Set<ModuleFiles> allFiles = new LinkedHashSet<>();
  private Map<String, Path> initialised;
  private int instances;
  private Map<String, Value> overrides = Map.of();
  private boolean budgetReported;
  /** One budget for the whole tree of instances: a module called many times costs each time. */
  private final EvaluationBounds bounds;

  ModuleInstantiator(TerraformModuleParser parser, ModuleFiles rootFiles, Path scanRoot) {
    this.parser = parser;
    this.rootFiles = rootFiles;
    this.bounds = new EvaluationBounds(parser.limits());
    this.rootDir = rootFiles.moduleDir();
    this.scanRoot = scanRoot.toAbsolutePath().normalize();
    Path real;
    try {
      real = this.scanRoot.toRealPath();
    } catch (IOException e) {
      real = this.scanRoot;
    }
    this.realRoot = real;
    allFiles.add(rootFiles);
  }

  List<Diagnostic> diagnostics() {
    Set<Diagnostic> out = new LinkedHashSet<>();
    for (ModuleFiles f : allFiles) out.addAll(f.diagnostics());
    return new ArrayList<>(out);
  }

  List<String> filesRead() {
    Set<String> out = new LinkedHashSet<>();
    for (ModuleFiles f : allFiles) out.addAll(f.filesRead());
    return new ArrayList<>(out);
  }

  /** Every resource of the root module and of the module instances it calls. */
  List<Resource> root(List<Path> varFiles, Map<String, Value> overrides) {
    Loaded root = load(rootDir, rootFiles);
    if (root == null) return List.of();
    List<Path> stack = new ArrayList<>();
    stack.add(real(rootDir));
    this.overrides = overrides;
    return instantiate(root, rootFiles.relative(rootDir), List.of(), null, null, varFiles, stack).resources;
  }

  // ---- loading ----

  private Loaded load(Path dir, ModuleFiles files) {
    Path key = real(dir);
    Loaded cached = loaded.get(key);
    if (cached != null) return cached;
    if (files == null) {
      files = new ModuleFiles(dir, scanRoot, parser.limits());
      allFiles.add(files);
    }
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(Files::isRegularFile).sorted().forEach(p -> {
        String n = p.getFileName().toString();
        if (n.endsWith(".tf") || n.endsWith(".tf.json")) sources.add(p);
      });
    } catch (IOException | SecurityException e) {
      files.add(Diagnostic.error(files.relative(dir), 1, 1, "cannot list the module directory: " + e.getMessage()));
      return null;
    }
    List<ParsedFile> parsed = new ArrayList<>();
    for (Path p : sources) {
      HclSyntax.Body b = parser.parseSource(p, files);
      if (b != null) parsed.add(new ParsedFile(files.relative(p), b));
    }
    Map<String, Expr> defaults = new LinkedHashMap<>();
    Map<String, Expr> locals = new HashMap<>();
    Map<String, Block> calls = new LinkedHashMap<>();
    Map<String, Expr> outputs = new LinkedHashMap<>();
    for (ParsedFile f : parsed) {
      for (Item item : f.body().items()) {
        if (!(item instanceof Block b)) continue;
        boolean oneLabel = b.labels().size() == 1;
        String label = oneLabel ? b.labels().get(0) : "";
        switch (b.type()) {
          case "variable" -> {
            if (!oneLabel) break;
            defaults.putIfAbsent(label, null);
            TerraformModuleParser.attribute(b.body(), "default").ifPresent(a -> defaults.put(label, a.value()));
          }
          case "locals" -> {
            for (Item li : b.body().items()) if (li instanceof Attribute a) locals.put(a.name(), a.value());
          }
          case "module" -> {
            if (oneLabel) calls.putIfAbsent(label, b);
          }
          case "output" -> {
            if (oneLabel) TerraformModuleParser.attribute(b.body(), "value").ifPresent(a -> outputs.put(label, a.value()));
          }
          default -> { }
        }
      }
    }
    Loaded l = new Loaded(files, parsed, defaults, locals, calls, outputs);
    loaded.put(key, l);
    return l;
  }

  // ---- one instance ----

  private record Result(List<Resource> resources, Value.ObjectValue outputs) {}

  /**
   * @param inputs the call's arguments, or null for the root module (which reads tfvars files instead)
   * @param openInputs the same arguments evaluated with the caller's soft values unknown (see
   *     {@code withoutDefaults} below), or null for the root module
   * @param stack the real directories of the calls that lead here, for recursion checks
   */
  private Result instantiate(Loaded m, String scope, List<ModuleCall> chain, Map<String, Value> inputs,
      Map<String, Value> openInputs, List<Path> varFiles, List<Path> stack) {
    ModuleFiles files = m.files();
    TerraformEvaluator constants = new TerraformEvaluator(Map.of(), Map.of(), files, bounds);
    Map<String, Value> variables = new HashMap<>();
    m.defaults().forEach((name, e) -> {
      if (e != null) variables.put(name, fromDefault(name, constants.eval(e, Scope.EMPTY)));
    });
    // Values a user sets on purpose: --var-file, a plan's values, a called module's own defaults
    // (only an edit of the call changes them), a caller's argument that does not rest on soft
    // values. The root module's defaults and auto-loaded tfvars files are soft: one -var overrides
    // them.
    Map<String, Value> explicit = new HashMap<>();
    if (inputs == null) {
      applyRootVariables(m, variables, explicit, constants, varFiles);
    } else {
      explicit.putAll(variables);
      openInputs.forEach((k, v) -> {
        if (m.defaults().containsKey(k)) explicit.put(k, v);
      });
      inputs.forEach((k, v) -> {
        if (m.defaults().containsKey(k)) variables.put(k, v);
      });
    }

    Calls calls = new Calls(m, scope, chain, stack);
    TerraformEvaluator eval = new TerraformEvaluator(variables, m.locals(), files, bounds, calls::outputs);
    calls.eval = eval;
    // The same module with every soft value unknown: a resource that only a default switches off
    // (count = var.enabled ? 1 : 0) is scanned, as one -var turns it on.
    TerraformEvaluator withoutDefaults = new TerraformEvaluator(explicit, m.locals(), files, bounds, calls::outputs);
    calls.openEval = withoutDefaults;
    List<Resource> out = new ArrayList<>();
    for (ParsedFile f : m.parsed()) {
      for (Item item : f.body().items()) {
        if (!(item instanceof Block b)) continue;
        parser.resource(b, scope, eval, withoutDefaults, files).ifPresent(r -> out.add(chain.isEmpty() ? r : r.withModule(scope, chain)));
        if (b.type().equals("module") && b.labels().size() == 1) {
          calls.outputs(b.labels().get(0));
        }
      }
    }
    out.addAll(calls.childResources);

    List<Value.Field> outputs = new ArrayList<>();
    for (Map.Entry<String, Expr> o : m.outputs().entrySet()) {
      Value v = bindReferences(eval.shallow(eval.eval(o.getValue(), Scope.EMPTY), o.getValue()), scope);
      outputs.add(new Value.Field(o.getKey(), o.getValue().loc().range(), v));
    }
    SourceRange where = chain.isEmpty() ? SourceRange.at(scope, 1, 1) : chain.get(chain.size() - 1).range();
    return new Result(out, new Value.ObjectValue(outputs, where));
  }

  /** A string default says where it came from, so that a finding about its text can name it. */
  private static Value fromDefault(String variable, Value v) {
    return v instanceof Value.Text t ? t.from(new Value.Origin("the default of variable " + variable, t.range())) : v;
  }

  private void applyRootVariables(Loaded m, Map<String, Value> variables, Map<String, Value> explicit,
      TerraformEvaluator constants, List<Path> varFiles) {
    Path dir = m.files().moduleDir();
    List<Path> tfvars = new ArrayList<>();
    tfvars.add(dir.resolve("terraform.tfvars"));
    tfvars.add(dir.resolve("terraform.tfvars.json"));
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(Files::isRegularFile).sorted().forEach(p -> {
        String n = p.getFileName().toString();
        if (n.endsWith(".auto.tfvars") || n.endsWith(".auto.tfvars.json")) tfvars.add(p);
      });
    } catch (IOException | SecurityException e) {
      // already reported while loading the module
    }
    Set<String> declared = m.defaults().keySet();
    for (Path p : tfvars) {
      if (Files.isRegularFile(p)) parser.applyVarFile(p, declared, variables, constants, m.files());
    }
    for (Path p : varFiles) {
      if (Files.isRegularFile(p)) parser.applyVarFile(p, declared, explicit, constants, m.files());
      else m.files().add(Diagnostic.error(m.files().relative(p), 1, 1, "variable file not found"));
    }
    overrides.forEach((k, v) -> {
      if (declared.contains(k)) explicit.put(k, v);
    });
    variables.putAll(explicit);
  }

  /** The module calls of one instance, evaluated on first use so that calls may use each other's outputs. */
  private final class Calls {
    private final Loaded module;
    private final String scope;
    private final List<ModuleCall> chain;
    private final List<Path> stack;
    private final Map<String, Optional<Value>> done = new HashMap<>();
    private final Set<String> running = new HashSet<>();
    final List<Resource> childResources = new ArrayList<>();
    TerraformEvaluator eval;
    TerraformEvaluator openEval;

    Calls(Loaded module, String scope, List<ModuleCall> chain, List<Path> stack) {
      this.module = module;
      this.scope = scope;
      this.chain = chain;
      this.stack = stack;
    }

    Optional<Value> outputs(String name) {
      Optional<Value> d = done.get(name);
      if (d != null) return d;
      Block call = module.calls().get(name);
      // a call that depends on itself through outputs is a Terraform cycle: its outputs stay unknown
      if (call == null || !running.add(name)) return Optional.empty();
      Optional<Value> v;
      try {
        v = expand(name, call);
      } finally {
        running.remove(name);
      }
      done.put(name, v);
      return v;
    }

    private Optional<Value> expand(String name, Block call) {
      ModuleFiles files = module.files();
      SourceRange head = call.header().range();
      Target target = resolve(call, name);
      if (target.dir() == null) {
        if (target.problem() != null) files.warn(head, target.problem());
        return Optional.empty();
      }
      Path real = real(target.dir());
      if (stack.contains(real)) {
        files.add(Diagnostic.error(head.file(), head.startLine(), head.startColumn(),
            "module." + name + " calls " + files.relative(target.dir())
                + ", which is already being evaluated in this call chain: recursive modules cannot be applied"));
        return Optional.empty();
      }
      if (chain.size() + 1 > MAX_DEPTH) {
        files.add(Diagnostic.error(head.file(), head.startLine(), head.startColumn(),
            "module." + name + " is nested more than " + MAX_DEPTH + " calls deep; not evaluated"));
        return Optional.empty();
      }
      Loaded child = load(target.dir(), null);
      if (child == null) return Optional.empty();

      Optional<Attribute> count = TerraformModuleParser.attribute(call.body(), "count");
      Optional<Attribute> forEach = TerraformModuleParser.attribute(call.body(), "for_each");
      List<String> keys = new ArrayList<>();
      List<Scope> scopes = new ArrayList<>();
      String shape = "single";
      // a call that only soft values switch off is instantiated once, its resources saying when
      String appliesWhen = null;
      if (count.isPresent()) {
        Optional<BigDecimal> n = TerraformEvaluator.number(eval.eval(count.get().value(), Scope.EMPTY));
        // only a switch (count = var.enabled ? 1 : 0): a count computed from a default collection
        // says nothing of what its instances would hold
        if (n.isPresent() && n.get().signum() == 0 && openEval != null
            && switchedOn(openEval.eval(count.get().value(), Scope.EMPTY), true) != null) {
          appliesWhen = TerraformModuleParser.appliesWhen(count.get(), eval);
          n = Optional.of(BigDecimal.ONE);
        }
        if (n.isPresent()) {
          shape = "list";
          long c = n.get().max(BigDecimal.ZERO).min(BigDecimal.valueOf(Integer.MAX_VALUE)).longValue();
          for (long i = 0; i < c && budget(head, keys.size()); i++) {
            keys.add("[" + i + "]");
            scopes.add(Scope.EMPTY.with("count",
                object(head, "index", new Value.Num(Long.toString(i), count.get().value().loc().range()))));
          }
        } else {
          keys.add("");
          scopes.add(Scope.EMPTY);
        }
      } else if (forEach.isPresent()) {
        Value coll = eval.eval(forEach.get().value(), Scope.EMPTY);
        List<Value[]> entries = new ArrayList<>();
        if (coll instanceof Value.ObjectValue o) {
          for (Value.Field f : o.fields()) entries.add(new Value[] {new Value.Text(f.key(), f.keyRange()), f.value()});
        } else if (coll instanceof Value.ListValue l && l.items().stream().allMatch(i -> i.scalar().isPresent())) {
          for (Value item : l.items()) entries.add(new Value[] {new Value.Text(item.scalar().get(), item.range()), item});
        } else if (coll instanceof Value.Null) {
          entries = new ArrayList<>();
        } else {
          entries = null;
        }
        // for_each = var.enabled ? {...} : {}: the instances of the branch that has some; a default
        // empty map of items (wrappers) leaves nothing to scan, as each instance would be unknown
        Value on = entries != null && entries.isEmpty() && openEval != null
            ? switchedOn(openEval.eval(forEach.get().value(), Scope.EMPTY), false) : null;
        if (on instanceof Value.ObjectValue o) {
          appliesWhen = TerraformModuleParser.appliesWhen(forEach.get(), eval);
          for (Value.Field f : o.fields()) entries.add(new Value[] {new Value.Text(f.key(), f.keyRange()), f.value()});
        } else if (on instanceof Value.ListValue l && l.items().stream().allMatch(i -> i.scalar().isPresent())) {
          appliesWhen = TerraformModuleParser.appliesWhen(forEach.get(), eval);
          for (Value item : l.items()) entries.add(new Value[] {new Value.Text(item.scalar().get(), item.range()), item});
        }
        if (entries == null) {
          // the instances are not known before apply: evaluate one with each.key and each.value unknown
          keys.add("");
          scopes.add(Scope.EMPTY);
        } else {
          shape = "map";
          for (Value[] e : entries) {
            if (!budget(head, keys.size())) break;
            keys.add("[" + quote(e[0].scalar().orElse("")) + "]");
            Value each = new Value.ObjectValue(List.of(
                new Value.Field("key", e[0].range(), e[0]), new Value.Field("value", e[1].range(), e[1])), e[1].range());
            scopes.add(Scope.EMPTY.with("each", each));
          }
        }
      } else if (budget(head, 0)) {
        keys.add("");
        scopes.add(Scope.EMPTY);
      }

      List<Path> childStack = new ArrayList<>(stack);
      childStack.add(real);
      String childDir = child.files().relative(target.dir());
      List<Value.Field> byKey = new ArrayList<>();
      List<Value> byIndex = new ArrayList<>();
      Value single = null;
      for (int i = 0; i < keys.size(); i++) {
        instances++;
        Map<String, Value> inputs = new LinkedHashMap<>();
        Map<String, Value> openInputs = new LinkedHashMap<>();
        for (Item item : call.body().items()) {
          if (item instanceof Attribute a && !CALL_META.contains(a.name())) {
            inputs.put(a.name(), bindReferences(eval.shallow(eval.eval(a.value(), scopes.get(i)), a.value()), scope));
            Value open = openEval == null ? inputs.get(a.name()) : openEval.eval(a.value(), scopes.get(i));
            openInputs.put(a.name(), open);
          }
        }
        String address = "module." + name + keys.get(i);
        List<ModuleCall> childChain = new ArrayList<>(chain);
        childChain.add(new ModuleCall(address, scope, call.loc().range()));
        String childScope = childDir + "#" + String.join(".", childChain.stream().map(ModuleCall::address).toList());
        Result r = instantiate(child, childScope, childChain, inputs, openInputs, List.of(), childStack);
        for (Resource res : r.resources()) {
          childResources.add(appliesWhen == null ? res : TerraformModuleParser.withAppliesWhen(res, appliesWhen));
        }
        String key = keys.get(i);
        if (shape.equals("map")) byKey.add(new Value.Field(unquote(key), head, r.outputs()));
        else if (shape.equals("list")) byIndex.add(r.outputs());
        else single = r.outputs();
      }
      if (shape.equals("map")) return Optional.of(new Value.ObjectValue(byKey, call.loc().range()));
      if (shape.equals("list")) return Optional.of(new Value.ListValue(byIndex, call.loc().range()));
      return Optional.ofNullable(single);
    }

    /**
     * The branch of a conditional count or for_each (evaluated with soft values unknown) that
     * creates instances: a known count above zero, or a known non-empty collection; null when the
     * value is not such a switch.
     */
    private Value switchedOn(Value open, boolean count) {
      if (!(open instanceof Value.Conditional c)) return null;
      for (Value branch : List.of(c.whenTrue(), c.whenFalse())) {
        Value b = branch instanceof Value.Conditional ? switchedOn(branch, count) : branch;
        if (b == null) continue;
        if (count && TerraformEvaluator.number(b).map(d -> d.signum() > 0).orElse(false)) return b;
        if (!count && (b instanceof Value.ObjectValue || b instanceof Value.ListValue)
            && !TerraformModuleParser.isKnownEmpty(b)) {
          return b;
        }
      }
      return null;
    }

    /** Whether one more instance fits in the budget; reports the first time it does not. */
    private boolean budget(SourceRange at, int more) {
      if (instances + more < MAX_INSTANCES) return true;
      if (!budgetReported) {
        budgetReported = true;
        module.files().add(Diagnostic.error(at.file(), at.startLine(), at.startColumn(),
            "more than " + MAX_INSTANCES + " module instances under one root; the rest were not evaluated"));
      }
      return false;
    }

    private Target resolve(Block call, String name) {
      Optional<String> source = TerraformModuleParser.attribute(call.body(), "source")
          .flatMap(a -> eval.eval(a.value(), Scope.EMPTY).scalar());
      if (source.isEmpty()) return new Target(null, "module." + name + " has no literal source; its outputs are unknown");
      String s = source.get();
      if (isLocalSource(s)) {
        Path dir;
        try {
          dir = module.files().moduleDir().resolve(s).normalize();
        } catch (InvalidPathException e) {
          return new Target(null, "module." + name + ": invalid source path " + s);
        }
        if (!Files.isDirectory(dir)) {
          return new Target(null, "module." + name + ": source " + s + " is not a directory; its outputs are unknown");
        }
        if (!real(dir).startsWith(realRoot)) {
          return new Target(null, "module." + name + ": source " + s
              + " lies outside the scan root; not read, its outputs are unknown (scan a directory that holds both)");
        }
        return new Target(dir, null);
      }
      // registry, git, S3, HTTP: never fetched; a copy from terraform init is used when there is one
      List<String> names = new ArrayList<>();
      for (ModuleCall c : chain) names.add(c.callName().substring("module.".length()));
      names.add(name);
      Path copy = initialised().get(String.join(".", names));
      if (copy != null && Files.isDirectory(copy) && real(copy).startsWith(realRoot)) return new Target(copy, null);
      return new Target(null, null);
    }
  }

  /** {@code .terraform/modules/modules.json} of the root module: call key to directory. */
  private Map<String, Path> initialised() {
    if (initialised != null) return initialised;
    initialised = new HashMap<>();
    Path manifest = rootDir.resolve(".terraform").resolve("modules").resolve("modules.json");
    if (!Files.isRegularFile(manifest)) return initialised;
    Optional<String> text = rootFiles.readSource(manifest);
    if (text.isEmpty()) return initialised;
    JsonValueReader.Result r = JsonValueReader.readFile(text.get(), rootFiles.relative(manifest), parser.limits());
    if (!r.ok() || !(r.value() instanceof Value.ObjectValue o)) return initialised;
    for (Value.ObjectValue m : o.blocks("Modules")) {
      Optional<String> key = m.string("Key");
      Optional<String> dir = m.string("Dir");
      if (key.isPresent() && dir.isPresent() && !key.get().isEmpty()) {
        try {
          initialised.put(key.get(), rootDir.resolve(dir.get()).normalize());
        } catch (InvalidPathException e) {
          // a broken manifest entry: that call's outputs stay unknown
        }
      }
    }
    return initialised;
  }

  /** Terraform's rule: only paths starting with ./ or ../ are local; "x" alone is a registry address. */
  static boolean isLocalSource(String s) {
    return s.startsWith("./") || s.startsWith("../") || s.equals(".") || s.equals("..");
  }

  private static Value.ObjectValue object(SourceRange at, String key, Value v) {
    return new Value.ObjectValue(List.of(new Value.Field(key, at, v)), at);
  }

  private static String quote(String key) {
    return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String unquote(String key) {
    String k = key.substring(2, key.length() - 2);
    return k.replace("\\\"", "\"").replace("\\\\", "\\");
  }

  /** References crossing a module boundary keep naming the resource of the module they were written in. */
  static Value bindReferences(Value v, String scope) {
    if (v instanceof Value.Reference r) {
      return new Value.Reference(ResourceModel.scopedTarget(scope, r.target()), r.attribute(), r.expression(), r.range());
    }
    if (v instanceof Value.ListValue l) {
      List<Value> items = new ArrayList<>(l.items().size());
      for (Value i : l.items()) items.add(bindReferences(i, scope));
      return new Value.ListValue(items, l.range());
    }
    if (v instanceof Value.ObjectValue o) {
      List<Value.Field> fields = new ArrayList<>(o.size());
      for (Value.Field f : o.fields()) fields.add(new Value.Field(f.key(), f.keyRange(), bindReferences(f.value(), scope)));
      return new Value.ObjectValue(fields, o.range());
    }
    if (v instanceof Value.Conditional c) {
      return new Value.Conditional(c.condition(), bindReferences(c.whenTrue(), scope),
          bindReferences(c.whenFalse(), scope), c.range());
    }
    return v;
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
