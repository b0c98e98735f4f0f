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
          (`$AWS_SECRET_ACCESS_KEY`), and 40-character hexadecimal strings such as commit ids.
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
      Walk walk = new Walk(r, provider, sink, reported);
      walk.object(r.body(), "", null);
      if (r.format() == Format.CLOUDFORMATION) {
        // Metadata (AWS::CloudFormation::Authentication, AWS::CloudFormation::Init) is code too.
        walk.object(r.attributes(), "", null);
      }
    }
  }

  /** One resource's walk: where findings point and what they say. */
  private record Walk(Resource resource, boolean provider, FindingSink sink, Set<String> reported) {

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
        base64encodeLiteral(u.expression()).ifPresent(s -> scan(s, false, u.range(), name, path, top));
        // The literal parts of an unresolved expression (a Sub template, an interpolation) are
        // certain; only the shape and script detectors apply, never the name alone.
        scan(u.expression(), false, u.range(), null, path, top);
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
        report(new CredentialDetector.Hit(CredentialDetector.Kind.CREDENTIALS_FILE, trimmed, 0, null),
            t.range(), path, top);
        return;
      }
      scan(s, t.verbatim(), t.range(), name, path, top);
      if (isUserData(name)) decodedBase64(trimmed).ifPresent(d -> scan(d, false, t.range(), name, path + " (base64-decoded)", top));
    }

    private void scan(String s, boolean verbatim, SourceRange at, String name, String path, Value.Field top) {
      for (CredentialDetector.Hit h : CredentialDetector.scan(name, s, provider)) {
        report(h, verbatim ? inside(at, s, h) : at, path, top);
      }
    }

    private void report(CredentialDetector.Hit h, SourceRange where, String path, Value.Field top) {
      SourceRange location = where;
      List<Finding.Related> related = List.of();
      if (!where.file().equals(resource.range().file()) && top != null) {
        // A value from a variable file: point at the attribute that uses it, and name the file.
        location = top.keyRange();
        related = List.of(new Finding.Related("value set here", where));
      } else if (top != null && !contains(resource.range(), where)) {
        // A variable default: the finding stays at the default, the user is related.
        related = List.of(new Finding.Related("used by " + resource.displayName() + " " + top.key(), top.keyRange()));
      }
      String masked = h.kind() == CredentialDetector.Kind.CREDENTIALS_FILE ? h.value() : SecretText.mask(h.value());
      String key = location + "\u0000" + h.kind() + "\u0000" + h.value();
      if (!reported.add(key)) return;
      String named = h.name() == null || h.name().equals(lastSegment(path)) ? "" : " (as " + h.name() + ")";
      String message = h.kind() == CredentialDetector.Kind.CREDENTIALS_FILE
          ? "%s writes %s onto the machine in %s: %s".formatted(resource.displayName(), h.kind().description, path, masked)
          : "%s has %s %s: %s".formatted(resource.displayName(), h.kind().description,
              written(where, path + named), masked);
      String evidence = h.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + masked;
      sink.report(new Finding(METADATA, METADATA.severity(), message, location, resource.address(), evidence, related));
    }

    /**
     * Where the secret was written, as the reviewer will look for it: in the resource itself, or,
     * for a value resolved from elsewhere, where that value is (the finding then points there or at
     * the attribute using it, and "literal" would send the reader to the wrong place).
     */
    private String written(SourceRange where, String path) {
      if (contains(resource.range(), where)) {
        // CloudFormation places a parameter's default at the Ref that uses it: not necessarily a literal.
        return resource.format() == Format.CLOUDFORMATION ? "in " + path + ", written in the template"
            : "written as a literal in " + path;
      }
      if (!where.file().equals(resource.range().file())) {
        return "in " + path + ", set in " + where.file() + " line " + where.startLine();
      }
      // The finding points at the value itself here, so its line needs no repeating.
      return "in " + path + ", written outside the resource in the variable or parameter default, or local, it comes from";
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
