package dev.iamscan.cloudformation;

import dev.iamscan.json.JsonValueReader;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.Format;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.ParserLimits;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a CloudFormation (and SAM) template, JSON or YAML, into located resources. Never throws on
 * bad input: problems become diagnostics.
 */
public final class CloudFormationParser {
  /** Resource types that make a {@code Resources} mapping a CloudFormation one. */
  private static final Pattern RESOURCE_TYPE = Pattern.compile("(AWS|Alexa|Custom)::.*");

  /** Signs, in text that did not parse, that the file was meant to be a template. */
  private static final Pattern TEMPLATE_HINT = Pattern.compile(
      "AWSTemplateFormatVersion"
          + "|[\"']?Type[\"']?\\s*:\\s*[\"']?(AWS|Alexa|Custom)::"
          + "|(?m)^[\"']?Resources[\"']?\\s*:"
          + "|\"Resources\"\\s*:");

  private static final Set<String> ENTRY_KEYS_IN_BODY = Set.of("Type", "Properties");

  /** How much of an oversized file is looked at to tell whether it was meant to be a template. */
  private static final int HEAD_BYTES = 64 * 1024;

  private final ParserLimits limits;

  public CloudFormationParser() {
    this(ParserLimits.DEFAULTS);
  }

  public CloudFormationParser(ParserLimits limits) {
    this.limits = limits;
  }

  /**
   * @return empty when the file is not a CloudFormation template (other YAML or JSON), else the
   *     parse result (with diagnostics when it could not be read)
   */
  public Optional<ParseResult> parse(Path file, Path scanRoot) {
    String rel = relativePath(file, scanRoot);
    String text;
    try {
      // a named pipe or device would block or never end: only regular files are read
      if (!Files.isRegularFile(file) && Files.exists(file)) {
        return Optional.of(failed(rel, Diagnostic.error(rel, 1, 1, "not a regular file; not read")));
      }
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) return oversized(file, rel, size);
      text = decode(Files.readAllBytes(file));
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      return Optional.of(failed(rel, Diagnostic.error(rel, 1, 1, "cannot read file: " + e.getMessage())));
    }
    // Cheap filter first: a template names one of these top-level keys somewhere.
    if (!text.contains("Resources") && !text.contains("AWSTemplateFormatVersion")) return Optional.empty();

    Value root;
    List<Value> moreDocuments = List.of();
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (startsLikeJson(text)) {
      JsonValueReader.Result json = JsonValueReader.readFile(text, rel, limits);
      if (json.ok()) {
        root = json.value();
        diagnostics.addAll(json.warnings());
      } else {
        // A flow-style YAML file may start with '{' too: give YAML a chance before reporting.
        YamlValueReader.Result yaml = YamlValueReader.read(text, rel, limits);
        if (!yaml.ok()) return hinted(text, rel, json.error());
        root = yaml.value();
        diagnostics.addAll(yaml.warnings());
      }
    } else {
      YamlValueReader.Result yaml = YamlValueReader.read(text, rel, limits);
      if (yaml.empty()) return Optional.empty();
      if (!yaml.ok()) return hinted(text, rel, yaml.error());
      root = yaml.value();
      moreDocuments = yaml.more();
      diagnostics.addAll(yaml.warnings());
    }
    List<Value> documents = new ArrayList<>();
    documents.add(root);
    documents.addAll(moreDocuments);
    List<Resource> resources = new ArrayList<>();
    int templates = 0;
    for (int i = 0; i < documents.size(); i++) {
      if (!(documents.get(i) instanceof Value.ObjectValue template) || !isTemplate(template)) continue;
      templates++;
      // Each document is its own template: references resolve inside it.
      String scope = i == 0 ? rel : rel + "#" + (i + 1);
      try {
        readResources(template, rel, scope, resources, diagnostics);
      } catch (RuntimeException | StackOverflowError e) {
        // The contract is never to throw on input; a template we cannot model is reported, not skipped.
        return Optional.of(failed(rel, Diagnostic.error(rel, 1, 1, "cannot read template: " + e)));
      }
    }
    if (templates == 0) return Optional.empty();
    if (documents.size() > 1) {
      diagnostics.add(Diagnostic.warning(rel, 1, 1, "file holds " + documents.size()
          + " YAML documents; CloudFormation accepts one template per file; each document was scanned as a template"));
    }
    return Optional.of(new ParseResult(resources, diagnostics, List.of(rel)));
  }

  /**
   * A file above the size limit is not read. When its head looks like a template it is reported as
   * not scanned (an ERROR); other large YAML or JSON (data files) only get a WARNING.
   */
  private Optional<ParseResult> oversized(Path file, String rel, long size) throws IOException {
    byte[] head;
    try (var in = Files.newInputStream(file)) {
      head = in.readNBytes(HEAD_BYTES);
    }
    String start = new String(head, StandardCharsets.UTF_8);
    String message = "file is " + size + " bytes, above the limit of " + limits.maxFileBytes() + " bytes; not scanned";
    Diagnostic d = TEMPLATE_HINT.matcher(start).find()
        ? Diagnostic.error(rel, 1, 1, message)
        : Diagnostic.warning(rel, 1, 1, message);
    return Optional.of(failed(rel, d));
  }

  private static Optional<ParseResult> hinted(String text, String rel, Diagnostic error) {
    return TEMPLATE_HINT.matcher(text).find() ? Optional.of(failed(rel, error)) : Optional.empty();
  }

  private static ParseResult failed(String rel, Diagnostic error) {
    return new ParseResult(List.of(), List.of(error), List.of(rel));
  }

  private static boolean startsLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) return c == '{' || c == '[';
    }
    return false;
  }

  /** Malformed UTF-8 is replaced rather than rejected: the parser then reports what it can. */
  private static String decode(byte[] bytes) throws IOException {
    String s = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  static String relativePath(Path file, Path scanRoot) {
    Path p = file;
    try {
      if (scanRoot != null) {
        Path root = scanRoot.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(root)) p = root.relativize(abs);
      }
    } catch (RuntimeException e) {
      p = file;
    }
    String s = p.toString().replace('\\', '/');
    return s.isEmpty() ? file.getFileName().toString() : s;
  }

  private static boolean isTemplate(Value.ObjectValue root) {
    if (root.has("AWSTemplateFormatVersion")) return true;
    Optional<Value.ObjectValue> resources = root.object("Resources");
    if (resources.isEmpty()) return false;
    for (Value.Field f : resources.get().fields()) {
      if (f.value() instanceof Value.ObjectValue entry
          && entry.get("Type").orElse(null) instanceof Value.Text t
          && RESOURCE_TYPE.matcher(t.value()).matches()) {
        return true;
      }
    }
    return false;
  }

  private static void readResources(Value.ObjectValue template, String rel, String scope,
      List<Resource> out, List<Diagnostic> diagnostics) {
    Optional<Value.Field> resourcesField = template.field("Resources");
    if (resourcesField.isEmpty()) {
      diagnostics.add(Diagnostic.warning(rel, 1, 1, "template has no Resources section"));
      return;
    }
    if (!(resourcesField.get().value() instanceof Value.ObjectValue resources)) {
      SourceRange r = resourcesField.get().keyRange();
      diagnostics.add(Diagnostic.error(rel, r.startLine(), r.startColumn(), "Resources is not a mapping"));
      return;
    }
    IntrinsicEvaluator evaluator = new IntrinsicEvaluator(
        parameters(template), new HashSet<>(resourceIds(resources)),
        template.object("Mappings").orElse(Value.ObjectValue.empty(template.range())),
        template.object("Conditions").orElse(null));
    Optional<Value.Field> macros = macros(template);
    macros.ifPresent(m -> diagnostics.add(Diagnostic.warning(rel, m.keyRange().startLine(), m.keyRange().startColumn(),
        "the template is processed by a macro (" + describe(m.value()) + ") before deployment; "
            + "it is scanned as written, so what the macro adds or changes is not")));
    for (Value.Field entry : resources.fields()) {
      SourceRange at = entry.keyRange();
      String id = entry.key();
      if (id.startsWith("Fn::ForEach::")) {
        // Valid with Transform: AWS::LanguageExtensions; the resources it stamps out are not expanded.
        diagnostics.add(Diagnostic.warning(rel, at.startLine(), at.startColumn(),
            "'" + id + "' (AWS::LanguageExtensions) is not expanded; the resources it creates are not scanned"));
        continue;
      }
      if (entry.value() instanceof Value.ObjectValue b && b.get("Type").orElse(null) instanceof Value.ObjectValue t
          && t.has("Rain::Module")) {
        // A Rain module is inlined by `rain pkg` before deployment; the packaged template is scannable.
        diagnostics.add(Diagnostic.warning(rel, at.startLine(), at.startColumn(),
            "resource '" + id + "' is a Rain module; scan the template packaged by rain pkg to cover it"));
        continue;
      }
      if (entry.value() instanceof Value.ObjectValue b && b.get("Type").orElse(null) instanceof Value.Text t
          && !t.value().contains("::") && t.value().matches(".*\\.(ya?ml|json|template)")) {
        // `Type: ../modules/bucket.yml` is a Rain module reference, inlined by `rain pkg`.
        diagnostics.add(Diagnostic.warning(rel, at.startLine(), at.startColumn(),
            "resource '" + id + "' is a Rain module (" + t.value() + "); scan the template packaged by rain pkg to cover it"));
        continue;
      }
      if (!(entry.value() instanceof Value.ObjectValue body)) {
        diagnostics.add(Diagnostic.error(rel, at.startLine(), at.startColumn(),
            "resource '" + id + "' is not a mapping"));
        continue;
      }
      if (!(body.get("Type").orElse(null) instanceof Value.Text type) || type.value().isBlank()) {
        diagnostics.add(Diagnostic.error(rel, at.startLine(), at.startColumn(),
            "resource '" + id + "' has no Type"));
        continue;
      }
      Value.ObjectValue properties = Value.ObjectValue.empty(at);
      Optional<Value.Field> props = body.field("Properties");
      if (props.isPresent()) {
        Value p = evaluator.evaluate(props.get().value());
        if (p instanceof Value.ObjectValue o) {
          properties = o;
        } else if (p instanceof Value.Conditional) {
          // Both branches are whole property sets; the model has one body, so say what is skipped.
          SourceRange pr = props.get().keyRange();
          diagnostics.add(Diagnostic.warning(rel, pr.startLine(), pr.startColumn(),
              "Properties of '" + id + "' depend on Fn::If; they are not scanned"));
        } else if (!(p instanceof Value.Null) && !(p instanceof Value.Text t && t.value().isBlank())) {
          SourceRange pr = props.get().keyRange();
          diagnostics.add(Diagnostic.warning(rel, pr.startLine(), pr.startColumn(),
              "Properties of '" + id + "' is not a mapping; it is not scanned"));
        }
      }
      List<Value.Field> attributes = new ArrayList<>();
      for (Value.Field f : body.fields()) {
        if (ENTRY_KEYS_IN_BODY.contains(f.key())) continue;
        attributes.add(new Value.Field(f.key(), f.keyRange(), evaluator.evaluate(f.value())));
      }
      // A resource under a condition: say which, and what it is with the parameter defaults.
      Optional<String> condition = body.string("Condition");
      if (condition.isPresent()) {
        Optional<Boolean> byDefault = evaluator.conditionByDefault(condition.get());
        String when = "condition " + condition.get() + " is true"
            + byDefault.map(d -> d ? " (true with the parameter defaults)" : " (false with the parameter defaults)").orElse("");
        attributes.add(new Value.Field(Resource.APPLIES_WHEN, at, new Value.Text(when, at)));
        if (byDefault.equals(Optional.of(false))) {
          attributes.add(new Value.Field(Resource.OFF_BY_DEFAULT, at, new Value.Bool(true, at)));
        }
      }
      // The template's macros apply to every resource: rules that check the written form (schema
      // checks) must know the deployed form may differ.
      macros.ifPresent(attributes::add);
      out.add(new Resource(Format.CLOUDFORMATION, "resource", type.value(), id, scope, properties,
          new Value.ObjectValue(attributes, body.range()), entry.range(), List.of()));
    }
    readOutputs(template, scope, evaluator, out);
  }

  /**
   * The template's {@code Outputs}, as resources of kind {@code output} and type {@code Output}
   * whose body is the evaluated entry ({@code Value}, {@code Export}, ...): anyone allowed to
   * describe the stack reads them. Added after the resources, so that a logical id shared by an
   * output and a resource still names the resource.
   */
  private static void readOutputs(Value.ObjectValue template, String scope, IntrinsicEvaluator evaluator,
      List<Resource> out) {
    Optional<Value.ObjectValue> outputs = template.object("Outputs");
    if (outputs.isEmpty()) return;
    for (Value.Field entry : outputs.get().fields()) {
      if (!(entry.value() instanceof Value.ObjectValue body)) continue;
      List<Value.Field> fields = new ArrayList<>();
      List<Value.Field> attributes = new ArrayList<>();
      for (Value.Field f : body.fields()) {
        Value.Field evaluated = new Value.Field(f.key(), f.keyRange(), evaluator.evaluate(f.value()));
        if (f.key().equals("Condition")) attributes.add(evaluated);
        else fields.add(evaluated);
      }
      out.add(new Resource(Format.CLOUDFORMATION, "output", "Output", entry.key(), scope,
          new Value.ObjectValue(fields, body.range()), new Value.ObjectValue(attributes, body.range()), entry.range(), List.of()));
    }
  }

  /** Transforms AWS runs itself; anything else names a macro that rewrites the template. */
  private static final Set<String> AWS_TRANSFORMS = Set.of("AWS::Serverless-2016-10-31",
      "AWS::LanguageExtensions", "AWS::CodeDeployBlueGreen", "AWS::SecretsManager-2020-07-23",
      "AWS::SecretsManager-2024-09-16", "AWS::Include");

  /** The template's {@code Transform} when it names at least one macro. */
  private static Optional<Value.Field> macros(Value.ObjectValue template) {
    Optional<Value.Field> t = template.field("Transform");
    if (t.isEmpty()) return Optional.empty();
    for (Value v : t.get().value().elements()) {
      Optional<String> name = v.scalar();
      if (name.isEmpty() || !AWS_TRANSFORMS.contains(name.get())) return t;
    }
    return Optional.empty();
  }

  private static String describe(Value v) {
    List<String> names = new ArrayList<>();
    for (Value e : v.elements()) names.add(e.scalar().orElse("an unresolved name"));
    return String.join(", ", names);
  }

  private static List<String> resourceIds(Value.ObjectValue resources) {
    List<String> ids = new ArrayList<>();
    for (Value.Field f : resources.fields()) ids.add(f.key());
    return ids;
  }

  private static Map<String, IntrinsicEvaluator.Parameter> parameters(Value.ObjectValue template) {
    Map<String, IntrinsicEvaluator.Parameter> out = new LinkedHashMap<>();
    Optional<Value.ObjectValue> params = template.object("Parameters");
    if (params.isEmpty()) return out;
    for (Value.Field f : params.get().fields()) {
      if (f.value() instanceof Value.ObjectValue p) {
        Value d = p.get("Default").orElse(null);
        String type = p.string("Type").orElse(null);
        // Only literal defaults resolve references; anything else stays unknown.
        if (d != null && d.scalar().isEmpty()) d = null;
        // An SSM parameter type's default names the parameter; its value is read at deploy time.
        if (type != null && type.startsWith("AWS::SSM::Parameter::Value")) d = null;
        out.put(f.key(), new IntrinsicEvaluator.Parameter(f.key(), type, d));
      } else {
        out.put(f.key(), new IntrinsicEvaluator.Parameter(f.key(), null, null));
      }
    }
    return out;
  }
}
