package dev.iamscan.terraform.plan;

import dev.iamscan.json.JsonValueReader;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.Format;
import dev.iamscan.model.ModuleCall;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.ParserLimits;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.terraform.TerraformModuleParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the output of {@code terraform show -json PLAN}: the planned values of every resource in
 * every module. When the configuration the plan was made from is at hand, it is evaluated with the
 * plan's variable values and becomes the model, so that findings point at {@code .tf} lines and
 * values the plan knows only after apply (a policy embedding a new resource's ARN) are still seen;
 * planned values fill in what the configuration alone cannot know. Without it, resources are
 * located in the plan file itself.
 */
public final class TerraformPlanReader {
  private static final String AFTER_APPLY = "(known after apply)";

  private final TerraformModuleParser configuration;

  public TerraformPlanReader(TerraformModuleParser configuration) {
    this.configuration = configuration;
  }

  /** A cheap test on the text, before parsing: plan output names these keys near its start. */
  public static boolean looksLikePlan(String text) {
    return text.contains("\"format_version\"")
        && (text.contains("\"planned_values\"") || text.contains("\"resource_changes\""));
  }

  /** Whether the file holds plan output; reads at most the first megabyte. */
  public static boolean isPlanFile(Path file) {
    try (var in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(1 << 20);
      return looksLikePlan(new String(head, StandardCharsets.UTF_8));
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /**
   * @param configDir the root module the plan was made from, or null when its files are not at hand
   * @return empty when the file is not plan output
   */
  public Optional<ParseResult> read(Path planFile, Path scanRoot, Path configDir, List<Path> varFiles) {
    String rel = relative(planFile, scanRoot);
    String text;
    ParserLimits limits = configuration.limits();
    try {
      // Known to be a plan (its head says so): past the bound it is an error, never a clean file.
      long size = Files.size(planFile);
      if (size > limits.maxFileBytes()) {
        return Optional.of(failed(rel, "file is " + size + " bytes, above the limit of " + limits.maxFileBytes()
            + " bytes; not scanned"));
      }
      byte[] bytes = Files.readAllBytes(planFile);
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.of(failed(rel, "cannot read file: " + e.getMessage()));
    }
    if (!looksLikePlan(text)) return Optional.empty();
    JsonValueReader.Result json = JsonValueReader.readFile(text, rel, limits);
    if (!json.ok()) return Optional.empty();
    if (!(json.value() instanceof Value.ObjectValue plan) || !plan.has("format_version")
        || !(plan.has("planned_values") || plan.has("resource_changes"))) {
      return Optional.empty();
    }
    List<Diagnostic> diagnostics = new ArrayList<>(json.warnings());
    List<Planned> planned = new ArrayList<>();
    plan.object("planned_values").flatMap(p -> p.object("root_module"))
        .ifPresent(m -> collect(m, "", List.of(), rel, planned));
    Map<String, Set<String>> afterApply = unknownAfterApply(plan, configuredAttributes(plan));

    List<Resource> resources = new ArrayList<>();
    List<String> files = new ArrayList<>();
    files.add(rel);
    if (configDir != null && !configDir.toAbsolutePath().normalize().startsWith(scanRoot.toAbsolutePath().normalize())) {
      diagnostics.add(Diagnostic.warning(rel, 1, 1, "the configuration of this plan (" + configDir
          + ") lies outside the scanned directory; findings point at the plan instead"));
      configDir = null;
    }
    if (configDir != null) {
      Map<String, Value> variables = new LinkedHashMap<>();
      plan.object("variables").ifPresent(vars -> {
        for (Value.Field f : vars.fields()) {
          f.value().asObject().flatMap(o -> o.get("value")).ifPresent(v -> variables.put(f.key(), v));
        }
      });
      ParseResult config = configuration.parse(configDir, scanRoot, varFiles, variables);
      diagnostics.addAll(config.diagnostics());
      files.addAll(config.files());
      Map<String, Planned> byAddress = new HashMap<>();
      for (Planned p : planned) byAddress.putIfAbsent(p.configAddress(), p);
      Set<String> matched = new HashSet<>();
      for (Resource r : config.resources()) {
        String address = fullAddress(r);
        Planned p = byAddress.get(address);
        if (p == null) {
          resources.add(r);
        } else {
          matched.add(address);
          resources.add(fill(r, p));
        }
      }
      for (Planned p : planned) {
        if (!matched.contains(p.configAddress())) resources.add(p.resource(afterApply));
      }
    } else {
      for (Planned p : planned) resources.add(p.resource(afterApply));
    }
    return Optional.of(new ParseResult(resources, diagnostics, files));
  }

  private static ParseResult failed(String file, String message) {
    return new ParseResult(List.of(), List.of(Diagnostic.error(file, 1, 1, message)), List.of(file));
  }

  /** One resource instance of {@code planned_values}. */
  private record Planned(String address, String configAddress, String mode, String type, String name,
      Value.ObjectValue values, SourceRange range, String scope, List<ModuleCall> calls) {

    Resource resource(Map<String, Set<String>> afterApply) {
      List<Value.Field> fields = new ArrayList<>(values.fields());
      Set<String> present = new HashSet<>();
      for (Value.Field f : fields) present.add(f.key());
      // absent from the planned values means known only after apply: unknown, never empty
      for (String key : afterApply.getOrDefault(address, Set.of())) {
        if (!present.contains(key)) fields.add(new Value.Field(key, range, new Value.Unknown(AFTER_APPLY, range)));
      }
      SourceRange head = new SourceRange(range.file(), range.startLine(), range.startColumn(), range.endLine(), range.endColumn());
      return new Resource(Format.TERRAFORM, kind(mode), type, name, scope,
          new Value.ObjectValue(fields, values.range()), Value.ObjectValue.empty(head), head, calls);
    }
  }

  private static String kind(String mode) {
    return mode.equals("data") ? "data" : "resource";
  }

  private static void collect(Value.ObjectValue module, String moduleAddress, List<ModuleCall> calls, String file,
      List<Planned> out) {
    String scope = moduleAddress.isEmpty() ? file : file + "#" + moduleAddress;
    for (Value.ObjectValue r : module.blocks("resources")) {
      Optional<String> address = r.string("address");
      Optional<String> type = r.string("type");
      Optional<String> name = r.string("name");
      if (address.isEmpty() || type.isEmpty() || name.isEmpty()) continue;
      String mode = r.string("mode").orElse("managed");
      Value.ObjectValue values = r.object("values").orElse(Value.ObjectValue.empty(r.range()));
      String local = (mode.equals("data") ? "data." : "") + type.get() + "." + name.get();
      String configAddress = moduleAddress.isEmpty() ? local : moduleAddress + "." + local;
      out.add(new Planned(address.get(), configAddress, mode, type.get(), name.get(), values, r.range(), scope, calls));
    }
    for (Value.ObjectValue child : module.blocks("child_modules")) {
      Optional<String> address = child.string("address");
      if (address.isEmpty()) continue;
      String a = address.get();
      String step = a.startsWith(moduleAddress + ".") && !moduleAddress.isEmpty()
          ? a.substring(moduleAddress.length() + 1) : a;
      List<ModuleCall> childCalls = new ArrayList<>(calls);
      childCalls.add(new ModuleCall(step, scope, child.range()));
      collect(child, a, childCalls, file, out);
    }
  }

  /**
   * For each resource address, the attributes {@code resource_changes} says are known only after
   * apply. An attribute the plan's {@code configuration} shows the resource never sets is left out:
   * what the provider computes for an unset optional attribute ({@code iam_instance_profile}) is
   * its absence, not an unknown value.
   */
  private static Map<String, Set<String>> unknownAfterApply(Value.ObjectValue plan,
      Map<String, Set<String>> configured) {
    Map<String, Set<String>> out = new HashMap<>();
    for (Value.ObjectValue change : plan.blocks("resource_changes")) {
      Optional<String> address = change.string("address");
      Optional<Value.ObjectValue> unknown = change.object("change").flatMap(c -> c.object("after_unknown"));
      if (address.isEmpty() || unknown.isEmpty()) continue;
      Set<String> set = configured.get(configAddress(address.get()));
      Set<String> keys = new HashSet<>();
      for (Value.Field f : unknown.get().fields()) {
        if (set != null && !set.contains(f.key())) continue;
        if (f.value() instanceof Value.Bool b && b.value()) keys.add(f.key());
      }
      out.put(address.get(), keys);
    }
    return out;
  }

  /**
   * The attributes each resource of the plan's {@code configuration} section sets (its
   * {@code expressions}), by configuration address ({@code module.a.aws_instance.web}, without
   * instance keys); empty when the plan holds no configuration.
   */
  private static Map<String, Set<String>> configuredAttributes(Value.ObjectValue plan) {
    Map<String, Set<String>> out = new HashMap<>();
    plan.object("configuration").flatMap(c -> c.object("root_module"))
        .ifPresent(m -> configuredAttributes(m, "", out, 0));
    return out;
  }

  private static void configuredAttributes(Value.ObjectValue module, String prefix, Map<String, Set<String>> out,
      int depth) {
    if (depth > 32) return;
    for (Value.ObjectValue r : module.blocks("resources")) {
      Optional<String> address = r.string("address");
      if (address.isEmpty()) continue;
      Set<String> keys = new HashSet<>();
      r.object("expressions").ifPresent(e -> e.fields().forEach(f -> keys.add(f.key())));
      out.put(prefix + address.get(), keys);
    }
    module.object("module_calls").ifPresent(calls -> {
      for (Value.Field f : calls.fields()) {
        f.value().asObject().flatMap(c -> c.object("module"))
            .ifPresent(child -> configuredAttributes(child, prefix + "module." + f.key() + ".", out, depth + 1));
      }
    });
  }

  /** A resource instance address without instance keys: {@code module.a["x"].aws_instance.web[0]} to {@code module.a.aws_instance.web}. */
  static String configAddress(String address) {
    StringBuilder sb = new StringBuilder(address.length());
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (quoted) {
        if (c == '\\') i++;
        else if (c == '"') quoted = false;
      } else if (c == '"' && depth > 0) {
        quoted = true;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (depth == 0) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The address Terraform gives a resource of the configuration: module instances with their keys. */
  static String fullAddress(Resource r) {
    StringBuilder sb = new StringBuilder();
    for (ModuleCall c : r.moduleCalls()) sb.append(c.address()).append('.');
    return sb + r.address();
  }

  /**
   * The configuration's resource, with what only the plan knows put where the configuration writes
   * the attribute (or at the block head when it does not write it).
   */
  private static Resource fill(Resource r, Planned p) {
    List<Value.Field> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Value.Field f : r.body().fields()) {
      seen.add(f.key());
      Optional<Value> planned = p.values().get(f.key());
      if (!f.value().isKnown() && planned.isPresent() && planned.get().isKnown() && !(planned.get() instanceof Value.Null)) {
        fields.add(new Value.Field(f.key(), f.keyRange(), relocate(planned.get(), f.keyRange())));
      } else {
        fields.add(f);
      }
    }
    for (Value.Field f : p.values().fields()) {
      if (seen.contains(f.key()) || f.value() instanceof Value.Null) continue;
      // computed attributes the configuration does not write (defaults, tags_all): at the block head
      fields.add(new Value.Field(f.key(), r.headRange(), relocate(f.value(), r.headRange())));
    }
    return new Resource(r.format(), r.kind(), r.type(), r.name(), r.scope(),
        new Value.ObjectValue(fields, r.body().range()), r.attributes(), r.range(), r.moduleCalls());
  }

  /** A planned value placed at {@code at}: the plan's own lines mean nothing next to the configuration. */
  static Value relocate(Value v, SourceRange at) {
    if (v instanceof Value.Text t) return new Value.Text(t.value(), at, false);
    if (v instanceof Value.Num n) return new Value.Num(n.text(), at);
    if (v instanceof Value.Bool b) return new Value.Bool(b.value(), at);
    if (v instanceof Value.Null) return new Value.Null(at);
    if (v instanceof Value.ListValue l) {
      List<Value> items = new ArrayList<>(l.items().size());
      for (Value i : l.items()) items.add(relocate(i, at));
      return new Value.ListValue(items, at);
    }
    if (v instanceof Value.ObjectValue o) {
      List<Value.Field> fields = new ArrayList<>(o.size());
      for (Value.Field f : o.fields()) fields.add(new Value.Field(f.key(), at, relocate(f.value(), at)));
      return new Value.ObjectValue(fields, at);
    }
    if (v instanceof Value.Unknown u) {
      List<Value.Reference> from = new ArrayList<>(u.references().size());
      for (Value.Reference r : u.references()) from.add((Value.Reference) relocate(r, at));
      return new Value.Unknown(u.expression(), at, null, from);
    }
    if (v instanceof Value.Reference r) return new Value.Reference(r.target(), r.attribute(), r.expression(), at);
    if (v instanceof Value.Conditional c) {
      return new Value.Conditional(c.condition(), relocate(c.whenTrue(), at), relocate(c.whenFalse(), at), at);
    }
    return v;
  }

  private static String relative(Path p, Path root) {
    Path abs = p.toAbsolutePath().normalize();
    Path r = root.toAbsolutePath().normalize();
    String s = (abs.startsWith(r) ? r.relativize(abs) : abs).toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }
}
