package dev.iamscan.rules.credentials;

import dev.iamscan.json.JsonValueReader;
import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access keys, secret keys, session tokens and passwords written anywhere in a template, or in
 * the variable defaults, parameter defaults and variable files it uses: provider blocks, resource and module arguments, user data (also base64-encoded),
 * function and container environments, SSM parameters, CloudFormation metadata. One walk over every
 * known string; {@link CredentialDetector} decides what a string holds.
 */
public final class HardcodedCredentialsRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM012", "hardcoded-credentials")
      .category(Category.HARDCODED_CREDENTIALS).severity(Severity.CRITICAL).precision(RuleMetadata.Precision.HIGH)
      .summary("Credentials are written into the template")
      .description("""
          An AWS access key id, secret access key, session token or password written into a \
          template, directly or as the default of a variable or parameter it uses, ends up in \
          version control, in every clone and fork, in CI logs, in the Terraform state and in the \
          CloudFormation console, where anyone who can read any of them can use it. Secrets in EC2 \
          user data can be read by any process on the instance through the metadata service and by \
          anyone allowed `ec2:DescribeInstanceAttribute`.

          Every finding is **critical**, whatever the credential: a secret access key, session \
          token, password or other secret works as written, and an access key id or a script that \
          writes a static `~/.aws/credentials` file onto an instance means a long-lived key is kept \
          next to the code. The message names the kind. Values are never shown in full: messages and \
          evidence keep the first four characters.

          Not reported: references to other resources, unresolved variables, CloudFormation `Ref`s \
          to parameters without a default (use `NoEcho: true`), dynamic references \
          (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`), shell variables \
          (`$AWS_SECRET_ACCESS_KEY`), 40-character hexadecimal strings such as commit ids, and \
          placeholders: AWS's documentation keys and anything else marked as an example \
          (`AKIAIOSFODNN7EXAMPLE`), runs of `x`, `<token>`, `changeme` and its kin, unfilled \
          `${...}` or `{{...}}` templates, one character repeated. Inside an expression the scanner \
          could not resolve, only quoted strings count as written-in values, so \
          `aws_iam_access_key.ci.secret` is never shown as a secret.

          An access key id next to its secret (in the same resource) is named in the secret's \
          finding, not reported again. For a secret taken from a parameter or variable default, the \
          message names the default and its line, and the default is a related location.
          """)
      .remediation("""
          remove the credential and rotate it (it is compromised once committed). Give workloads a \
          role instead of keys: an instance profile for EC2, an execution role for Lambda, a task \
          role for ECS. Keep passwords in Secrets Manager and pass them by reference \
          (`manage_master_user_password`, `{{resolve:secretsmanager:...}}`). Configure the Terraform \
          provider through the environment, a profile, or `assume_role`.
          """)
      .noncompliant("hcl", """
          provider "aws" {
            region     = "eu-west-1"
            access_key = "AKIA................"
            secret_key = "........................................"
          }
          """)
      .compliant("hcl", """
          provider "aws" {
            region = "eu-west-1"
            assume_role {
              role_arn = "arn:aws:iam::123456789012:role/terraform"
            }
          }
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
          "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html",
          "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html")
      .build();

  /** {@code base64encode("...")} with a plain string literal, which the evaluator may leave unresolved. */
  private static final Pattern BASE64ENCODE_LITERAL =
      Pattern.compile("(?s)\\s*base64encode\\(\\s*\"((?:[^\"\\\\$]|\\\\.|\\$(?!\\{))*)\"\\s*\\)\\s*");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/\\r\\n]+={0,2}");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    // A variable default used by several resources is one finding, at the default.
    Set<String> reported = new HashSet<>();
    for (Resource r : context.model().resources()) {
      boolean provider = r.kind().equals("provider");
      Walk walk = new Walk(r, provider, new ArrayList<>());
      walk.object(r.body(), "", null);
      if (r.format() == Format.CLOUDFORMATION) {
        // Metadata (AWS::CloudFormation::Authentication, AWS::CloudFormation::Init) is code too.
        walk.object(r.attributes(), "", null);
      }
      walk.report(sink, reported);
    }
  }

  /** One credential found in a resource, before findings are made. */
  private record Found(CredentialDetector.Hit hit, SourceRange where, String path, Value.Field top, Value.Origin origin) {
    boolean keyId() {
      return hit.kind() == CredentialDetector.Kind.ACCESS_KEY_ID;
    }

    boolean secretKey() {
      return hit.kind() == CredentialDetector.Kind.SECRET_ACCESS_KEY;
    }
  }

  /** One resource's walk: where findings point and what they say. */
  private record Walk(Resource resource, boolean provider, List<Found> found) {

    /**
     * @param name what the value is called (an attribute, a key, the name of a name/value pair)
     * @param path the attribute path for messages
     * @param top the resource's own attribute the value sits under
     */
    void value(Value v, String name, String path, Value.Field top) {
      if (v instanceof Value.Text t) {
        text(t, name, path, top);
      } else if (v instanceof Value.Num n && CredentialDetector.classify(name, provider)
          == CredentialDetector.NameClass.PASSWORD) {
        text(new Value.Text(n.text(), n.range()), name, path, top);
      } else if (v instanceof Value.Conditional c) {
        value(c.whenTrue(), name, path, top);
        value(c.whenFalse(), name, path, top);
      } else if (v instanceof Value.ListValue l) {
        for (int i = 0; i < l.items().size(); i++) value(l.items().get(i), name, path + "[" + i + "]", top);
      } else if (v instanceof Value.ObjectValue o) {
        object(o, path, top);
      } else if (v instanceof Value.Unknown u) {
        base64encodeLiteral(u.expression()).ifPresent(s -> scan(s, false, u.range(), name, path, top, null, false));
        // The literal parts of an unresolved expression (a Sub template, an interpolation) are
        // certain; only the shape and script detectors apply, never the name alone. A template
        // with holes is read as its text, where a hole is never a literal; other Terraform
        // expressions as source, where only quoted strings are written-in values.
        Value.Text partial = u.partial();
        if (partial != null) {
          scan(partial.value(), partial.verbatim(), partial.range(), null, path, top, null, false);
        } else {
          scan(u.expression(), false, u.range(), null, path, top, null,
              resource.format() == Format.TERRAFORM && !u.range().file().endsWith(".json"));
        }
      }
    }

    /**
     * Name/value pairs ({@code {name = "AWS_SECRET_ACCESS_KEY", value = "..."}} in ECS container
     * definitions, {@code Environment: [{Name: ..., Value: ...}]}, an SSM parameter's name and
     * value) give the value its name.
     */
    void object(Value.ObjectValue o, String path, Value.Field top) {
      Optional<String> pairName = pairKey(o, "name", "Name", "key", "Key", "ParameterKey");
      for (Value.Field f : o.fields()) {
        String childPath = path.isEmpty() ? f.key() : path + "." + f.key();
        boolean isPairValue = pairName.isPresent()
            && (f.key().equals("value") || f.key().equals("Value") || f.key().equals("ParameterValue"));
        value(f.value(), isPairValue ? pairName.get() : f.key(), childPath, top == null ? f : top);
      }
    }

    private static Optional<String> pairKey(Value.ObjectValue o, String... keys) {
      for (String k : keys) {
        Optional<String> s = o.string(k);
        if (s.isPresent()) return s;
      }
      return Optional.empty();
    }

    private void text(Value.Text t, String name, String path, Value.Field top) {
      String s = t.value();
      String trimmed = s.strip();
      // Embedded JSON (container definitions, jsonencode results): walk its keys.
      if (!trimmed.isEmpty() && (trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[')) {
        JsonValueReader.Result json = JsonValueReader.readEmbedded(t);
        if (json.ok() && json.value() != null && !(json.value() instanceof Value.Text)) {
          value(json.value(), name, path, top);
          return;
        }
      }
      if ("destination".equals(name) && CredentialDetector.isCredentialsFilePath(s)) {
        found.add(new Found(new CredentialDetector.Hit(CredentialDetector.Kind.CREDENTIALS_FILE, trimmed, 0, null),
            t.range(), path, top, null));
        return;
      }
      scan(s, t.verbatim(), t.range(), name, path, top, t.origin(), false);
      if (isUserData(name)) {
        decodedBase64(trimmed).ifPresent(d -> scan(d, false, t.range(), name, path + " (base64-decoded)", top, t.origin(), false));
      }
    }

    private void scan(String s, boolean verbatim, SourceRange at, String name, String path, Value.Field top,
        Value.Origin origin, boolean expression) {
      for (CredentialDetector.Hit h : CredentialDetector.scan(name, s, provider, expression)) {
        found.add(new Found(h, verbatim ? inside(at, s, h) : at, path, top, origin));
      }
    }

    /**
     * Makes the findings of this resource. An access key id beside its own secret (the same
     * resource, the nearest secret access key) is named in the secret's finding instead of being a
     * second one: it is one credential to rotate.
     */
    void report(FindingSink sink, Set<String> reported) {
      List<Found> secrets = found.stream().filter(Found::secretKey).toList();
      java.util.Map<Found, List<Found>> pairedIds = new java.util.LinkedHashMap<>();
      for (Found f : found) {
        if (!f.keyId() || secrets.isEmpty()) continue;
        Found nearest = secrets.stream()
            .min(java.util.Comparator.comparingInt((Found x) -> x.where().file().equals(f.where().file()) ? 0 : 1)
                .thenComparingInt(x -> Math.abs(x.where().startLine() - f.where().startLine())))
            .orElseThrow();
        pairedIds.computeIfAbsent(nearest, k -> new ArrayList<>()).add(f);
      }
      for (Found f : found) {
        if (f.keyId() && !secrets.isEmpty()) continue;
        report(f, pairedIds.getOrDefault(f, List.of()), sink, reported);
      }
    }

    private void report(Found f, List<Found> ids, FindingSink sink, Set<String> reported) {
      CredentialDetector.Hit h = f.hit();
      SourceRange where = f.where();
      Value.Field top = f.top();
      String path = f.path();
      SourceRange location = where;
      List<Finding.Related> related = new ArrayList<>();
      if (!where.file().equals(resource.range().file()) && top != null) {
        // A value from a variable file: point at the attribute that uses it, and name the file.
        location = top.keyRange();
        related.add(new Finding.Related("value set here", where));
      } else if (top != null && !contains(resource.range(), where)) {
        // A variable default: the finding stays at the default, the user is related.
        related.add(new Finding.Related("used by " + resource.displayName() + " " + top.key(), top.keyRange()));
      } else if (f.origin() != null && !f.origin().range().equals(where)) {
        // A parameter default placed at the Ref that uses it: the default is where to remove it.
        related.add(new Finding.Related(f.origin().description(), f.origin().range()));
      }
      String masked = h.kind() == CredentialDetector.Kind.CREDENTIALS_FILE ? h.value() : SecretText.mask(h.value());
      String key = location + "\u0000" + h.kind() + "\u0000" + h.value();
      if (!reported.add(key)) return;
      String named = h.name() == null || h.name().equals(lastSegment(path)) ? "" : " (as " + h.name() + ")";
      StringBuilder pair = new StringBuilder();
      for (Found id : ids) {
        pair.append(pair.length() == 0 ? ", with its access key id " : " and ")
            .append(SecretText.mask(id.hit().value())).append(" ").append(written(id, id.path()));
        if (!id.where().equals(location)) related.add(new Finding.Related("access key id", id.where()));
      }
      String message = h.kind() == CredentialDetector.Kind.CREDENTIALS_FILE
          ? "%s writes %s onto the machine in %s: %s".formatted(resource.displayName(), h.kind().description, path, masked)
          : "%s has %s %s: %s%s".formatted(resource.displayName(), h.kind().description,
              written(f, path + named), masked, pair);
      String evidence = h.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + masked;
      sink.report(new Finding(METADATA, METADATA.severity(), message, location, resource.address(), evidence, related));
    }

    /**
     * Where the secret was written, as the reviewer will look for it: a literal in the resource,
     * the default of a parameter or variable (at its line), or another value the resource takes
     * (a local, a module argument, a variable file).
     */
    private String written(Found f, String path) {
      SourceRange where = f.where();
      Value.Origin origin = f.origin();
      if (origin != null) {
        String file = origin.range().file().equals(resource.range().file()) ? "" : " in " + origin.range().file();
        return "in " + path + ", from " + origin.description() + file + " at line " + origin.range().startLine();
      }
      if (contains(resource.range(), where)) return "written as a literal in " + path;
      if (!where.file().equals(resource.range().file())) {
        return "in " + path + ", set in " + where.file() + " line " + where.startLine();
      }
      return "in " + path + ", from the value at line " + where.startLine() + " outside the resource (a local or a module argument)";
    }

    private static String lastSegment(String path) {
      int dot = path.lastIndexOf('.');
      return dot < 0 ? path : path.substring(dot + 1);
    }

    private static boolean contains(SourceRange outer, SourceRange inner) {
      return outer.file().equals(inner.file())
          && inner.startLine() >= outer.startLine() && inner.startLine() <= outer.endLine();
    }

    /** The position of a hit inside a verbatim text. */
    private static SourceRange inside(SourceRange at, String s, CredentialDetector.Hit h) {
      int line = at.startLine();
      int lineStart = 0;
      for (int i = 0; i < h.offset() && i < s.length(); i++) {
        if (s.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = line == at.startLine() ? at.startColumn() + h.offset() : h.offset() - lineStart + 1;
      int end = column + Math.max(0, h.value().length() - 1);
      return new SourceRange(at.file(), line, column, line, end);
    }
  }

  static boolean isUserData(String name) {
    return name != null && name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").contains("userdata");
  }

  /** The text a base64 literal encodes, when it is base64 of readable UTF-8. */
  static Optional<String> decodedBase64(String s) {
    String compact = s.replaceAll("\\s", "");
    if (compact.length() < 16 || compact.length() % 4 != 0 || !BASE64.matcher(compact).matches()) return Optional.empty();
    try {
      byte[] bytes = Base64.getDecoder().decode(compact);
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      long control = text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t').count();
      return control == 0 ? Optional.of(text) : Optional.empty();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The string inside {@code base64encode("...")}, unescaped, when it is a plain literal. */
  static Optional<String> base64encodeLiteral(String expression) {
    Matcher m = BASE64ENCODE_LITERAL.matcher(expression);
    if (!m.matches()) return Optional.empty();
    String body = m.group(1);
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        char n = body.charAt(++i);
        out.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        out.append(c);
      }
    }
    return Optional.of(out.toString());
  }
}
