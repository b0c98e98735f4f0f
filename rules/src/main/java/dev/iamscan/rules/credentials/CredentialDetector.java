package dev.iamscan.rules.credentials;

import dev.iamscan.model.Value;
import dev.iamscan.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed detectors for credentials written as text: AWS access key ids by their shape, secrets and
 * passwords by the name they are given (an attribute, an environment variable, a shell or INI
 * assignment), and scripts that put a static credentials file on a machine. Works on plain strings
 * so that it can be tested without a model.
 */
final class CredentialDetector {

  /** What was found; the severity follows the issue: a secret is worse than a key id alone. */
  enum Kind {
    ACCESS_KEY_ID("an AWS access key id", Severity.HIGH),
    SECRET_ACCESS_KEY("an AWS secret access key", Severity.CRITICAL),
    SESSION_TOKEN("an AWS session token", Severity.CRITICAL),
    PASSWORD("a password", Severity.CRITICAL),
    SECRET("a secret", Severity.CRITICAL),
    CREDENTIALS_FILE("a static AWS credentials file", Severity.MEDIUM);

    final String description;
    final Severity severity;

    Kind(String description, Severity severity) {
      this.description = description;
      this.severity = severity;
    }
  }

  /**
   * One credential in a text.
   *
   * @param value the credential itself (callers mask it before it leaves the rule)
   * @param offset where it starts in the text, for locating it inside verbatim text
   * @param name the variable or attribute name that made it a credential, or null for a shape match
   */
  record Hit(Kind kind, String value, int offset, String name) {}

  /**
   * Access key ids: a known prefix and 16 more upper-case letters or digits, as a whole token (not
   * part of a longer identifier such as {@code MYAKIA...} or {@code AKIA..._SUFFIX}).
   */
  static final Pattern ACCESS_KEY_ID = Pattern.compile(
      "(?<![A-Za-z0-9_])(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9_])");

  /** A secret access key's shape: 40 characters of base64, as a whole token. */
  static final Pattern SECRET_SHAPE = Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{39}[A-Za-z0-9/+=](?![A-Za-z0-9/+=])");

  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

  /**
   * Assignments of AWS credential variables in scripts, INI files, YAML and JSON:
   * {@code AWS_SECRET_ACCESS_KEY=...}, {@code aws_access_key_id = ...}, {@code "aws_session_token": "..."},
   * {@code aws configure set aws_secret_access_key ...}.
   */
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "(?i)(?<![A-Za-z0-9_])(aws_secret_access_key|aws_access_key_id|aws_session_token)[\"']?"
          + "\\s*[:=]\\s*[\"']?([^\\s\"';&|,)}\\]]+)");

  /** {@code aws configure set aws_secret_access_key VALUE}. */
  private static final Pattern CONFIGURE_SET = Pattern.compile(
      "(?i)\\bconfigure\\s+set\\s+(aws_secret_access_key|aws_access_key_id|aws_session_token)\\s+[\"']?([^\\s\"';&|,)}\\]]+)");

  /** A shell command that writes into an AWS shared credentials file. */
  private static final Pattern CREDENTIALS_FILE_WRITE = Pattern.compile(
      "(?:>>?|\\btee\\s+(?:-a\\s+)?|\\bcp\\s+\\S+\\s+|\\bmv\\s+\\S+\\s+)\\s*[\"']?(\\S*\\.aws/credentials)\\b");

  private CredentialDetector() {}

  /** What a name says a value is: a password, an AWS secret, some other secret, a key id, or nothing. */
  enum NameClass { PASSWORD, AWS_SECRET_KEY, SESSION_TOKEN, OTHER_SECRET, ACCESS_KEY_ID, NONE }

  /**
   * Classifies an attribute, property or variable name. Only the last path segment counts, so that
   * an SSM parameter named {@code /prod/db/password} reads as a password.
   */
  static NameClass classify(String name, boolean providerBlock) {
    if (name == null) return NameClass.NONE;
    String n = name;
    int slash = n.lastIndexOf('/');
    if (slash >= 0) n = n.substring(slash + 1);
    n = n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (n.isEmpty()) return NameClass.NONE;
    if (n.endsWith("password") || n.endsWith("passwd")) return NameClass.PASSWORD;
    if (n.endsWith("secretaccesskey") || n.equals("secretkey") || n.equals("awssecretkey")) return NameClass.AWS_SECRET_KEY;
    if (n.endsWith("sessiontoken") || (providerBlock && n.equals("token"))) return NameClass.SESSION_TOKEN;
    if (n.endsWith("accesskeyid") || (providerBlock && n.equals("accesskey"))) return NameClass.ACCESS_KEY_ID;
    if (n.endsWith("secret") || n.endsWith("token") || n.endsWith("secretkey") || n.endsWith("apikey")) return NameClass.OTHER_SECRET;
    return NameClass.NONE;
  }

  /**
   * Every credential in {@code text}, the value of something named {@code name} (null when the text
   * has no name, such as a list item).
   */
  static List<Hit> scan(String name, String text, boolean providerBlock) {
    return scan(name, text, providerBlock, false);
  }

  /**
   * Every credential in {@code text}. With {@code expression}, the text is the source of an
   * expression the evaluator could not resolve (Terraform {@code merge(...)}, {@code templatefile(...)}
   * arguments): there only quoted strings are written-in values, so {@code AWS_SECRET_ACCESS_KEY =
   * aws_iam_access_key.ci.secret} is a reference, not a secret, while the quoted strings inside
   * are read as text.
   */
  static List<Hit> scan(String name, String text, boolean providerBlock, boolean expression) {
    List<Hit> out = new ArrayList<>();
    if (expression) {
      Matcher ids = ACCESS_KEY_ID.matcher(text);
      while (ids.find()) out.add(new Hit(Kind.ACCESS_KEY_ID, ids.group(), ids.start(), null));
      assignments(ASSIGNMENT, text, out, true);
      assignments(CONFIGURE_SET, text, out, true);
      Matcher literal = HCL_STRING.matcher(text);
      while (literal.find()) {
        for (Hit h : scan(null, literal.group(1), providerBlock, false)) {
          out.add(new Hit(h.kind(), h.value(), literal.start(1) + h.offset(), h.name()));
        }
      }
      return real(dedupe(out));
    }
    Matcher ids = ACCESS_KEY_ID.matcher(text);
    while (ids.find()) out.add(new Hit(Kind.ACCESS_KEY_ID, ids.group(), ids.start(), null));

    switch (classify(name, providerBlock)) {
      case PASSWORD -> {
        // A password setting (AllowUsersToChangePassword: "true") is a switch, not a password.
        if (isLiteral(text) && !isSwitch(text)) out.add(new Hit(Kind.PASSWORD, text.strip(), 0, name));
      }
      case AWS_SECRET_KEY -> {
        if (isLiteral(text)) out.add(new Hit(Kind.SECRET_ACCESS_KEY, text.strip(), 0, name));
      }
      case SESSION_TOKEN -> {
        if (isLiteral(text)) out.add(new Hit(Kind.SESSION_TOKEN, text.strip(), 0, name));
      }
      case ACCESS_KEY_ID -> {
        // A key id of the right shape is already reported above; anything else literal is one too.
        if (isLiteral(text) && out.isEmpty()) out.add(new Hit(Kind.ACCESS_KEY_ID, text.strip(), 0, name));
      }
      case OTHER_SECRET -> {
        if (looksLikeSecret(text)) out.add(new Hit(Kind.SECRET, text.strip(), 0, name));
      }
      case NONE -> scriptHits(text, out);
    }
    return real(dedupe(out));
  }

  /** The hits that are not placeholders (a credentials file is a path, never a placeholder). */
  private static List<Hit> real(List<Hit> hits) {
    return hits.stream().filter(h -> h.kind() == Kind.CREDENTIALS_FILE || !isPlaceholder(h.value())).toList();
  }

  /** Credentials inside a script, a config file or any other free text. */
  private static void scriptHits(String text, List<Hit> out) {
    assignments(ASSIGNMENT, text, out);
    assignments(CONFIGURE_SET, text, out);
    boolean hasKeyId = out.stream().anyMatch(h -> h.kind() == Kind.ACCESS_KEY_ID);
    if (hasKeyId) {
      // Next to a key id, a 40-character base64 token is its secret.
      Matcher s = SECRET_SHAPE.matcher(text);
      while (s.find()) {
        if (isSecretShaped(s.group())) out.add(new Hit(Kind.SECRET_ACCESS_KEY, s.group(), s.start(), null));
      }
    }
    Matcher f = CREDENTIALS_FILE_WRITE.matcher(text);
    while (f.find()) out.add(new Hit(Kind.CREDENTIALS_FILE, f.group(1), f.start(1), null));
  }

  private static void assignments(Pattern pattern, String text, List<Hit> out) {
    assignments(pattern, text, out, false);
  }

  /** With {@code quotedOnly}, a value counts only when written in quotes (expression source). */
  private static void assignments(Pattern pattern, String text, List<Hit> out, boolean quotedOnly) {
    Matcher a = pattern.matcher(text);
    while (a.find()) {
      String value = a.group(2);
      if (!isLiteral(value)) continue;
      if (quotedOnly && (a.start(2) == 0 || "\"'".indexOf(text.charAt(a.start(2) - 1)) < 0)) continue;
      Kind kind = switch (a.group(1).toLowerCase(Locale.ROOT)) {
        case "aws_secret_access_key" -> Kind.SECRET_ACCESS_KEY;
        case "aws_session_token" -> Kind.SESSION_TOKEN;
        default -> Kind.ACCESS_KEY_ID;
      };
      out.add(new Hit(kind, value, a.start(2), a.group(1)));
    }
  }

  /** A file copied to {@code ~/.aws/credentials} (a Terraform file provisioner's destination). */
  static boolean isCredentialsFilePath(String path) {
    String p = path.strip();
    return p.endsWith(".aws/credentials") || p.endsWith(".aws\\credentials");
  }

  /** The same credential found twice at one place (by shape and by name) is one hit. */
  private static List<Hit> dedupe(List<Hit> hits) {
    List<Hit> out = new ArrayList<>();
    for (Hit h : hits) {
      boolean dup = false;
      for (int i = 0; i < out.size(); i++) {
        Hit o = out.get(i);
        if (o.value().equals(h.value()) || (o.offset() == h.offset() && o.kind() == h.kind())) {
          // Keep the more severe reading of the same text.
          if (h.kind().severity.compareTo(o.kind().severity) > 0) out.set(i, h);
          dup = true;
          break;
        }
      }
      if (!dup) out.add(h);
    }
    return out;
  }

  /**
   * A value written out, not taken from elsewhere at run time: not empty, not a shell or template
   * variable ({@code $VAR}, {@code ${...}}, {@code $(...)}, {@code {{...}}}), not a CloudFormation
   * dynamic reference ({@code {{resolve:secretsmanager:...}}}).
   */
  static boolean isLiteral(String value) {
    String v = value.strip();
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      v = v.substring(1, v.length() - 1).strip();
    }
    if (v.isEmpty() || v.indexOf(Value.Unknown.HOLE) >= 0) return false;
    if (v.startsWith("$") || v.startsWith("{{") || v.startsWith("%{") || v.startsWith("`")) return false;
    return !v.contains("{{resolve:");
  }

  /** {@code true} or {@code false}, quoted or not: the value of a setting, never a credential. */
  static boolean isSwitch(String value) {
    String v = value.strip();
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      v = v.substring(1, v.length() - 1).strip();
    }
    return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
  }

  /** A double-quoted HCL string literal inside expression source, its content in group 1. */
  private static final Pattern HCL_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  /**
   * Words that mark a value as a stand-in to be replaced, compared without case and without
   * punctuation ({@code CHANGE_ME}, {@code your-secret-here}).
   */
  private static final List<String> PLACEHOLDER_WORDS = List.of(
      "example", "changeme", "changethis", "replaceme", "replacethis", "placeholder", "redacted",
      "dummy", "yoursecret", "yourpassword", "yourtoken", "yourkey", "youraccesskey", "yourapikey",
      "insertyour", "enteryour", "puthere", "gohere");

  /** An angle-bracketed stand-in such as {@code <token>} or {@code <your secret>}. */
  private static final Pattern ANGLE_PLACEHOLDER = Pattern.compile("<[A-Za-z][A-Za-z0-9 _.-]*>");

  /** The prefix of an access key id, before its sixteen characters. */
  private static final Pattern KEY_ID_PREFIX = Pattern.compile("^(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|A3T[A-Z0-9])");

  /**
   * A value that stands for a credential instead of being one: AWS's documentation keys
   * ({@code AKIAIOSFODNN7EXAMPLE}) and anything else marked as an example, runs of {@code x},
   * {@code <token>}, {@code changeme} and its kin, an unfilled {@code ${...}} or {@code {{...}}}
   * template, or one character repeated (after a key id's prefix: {@code AKIA0000000000000000}).
   * Such values grant nothing; reporting them teaches reviewers to dismiss the rule.
   */
  static boolean isPlaceholder(String value) {
    String v = value.strip();
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      v = v.substring(1, v.length() - 1).strip();
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.contains("xxxx") || v.contains("${") || v.contains("{{") || ANGLE_PLACEHOLDER.matcher(v).find()) {
      return true;
    }
    String letters = lower.replaceAll("[^a-z0-9]", "");
    for (String w : PLACEHOLDER_WORDS) {
      if (letters.contains(w)) return true;
    }
    String body = KEY_ID_PREFIX.matcher(v).replaceFirst("");
    return !body.isEmpty() && body.chars().distinct().count() == 1;
  }

  /** A value under a secret-ish name (client_secret, api_token) that is plausibly a real one. */
  static boolean looksLikeSecret(String value) {
    String v = value.strip();
    if (!isLiteral(v) || v.length() < 16) return false;
    if (v.chars().anyMatch(Character::isWhitespace) || v.contains(":")) return false;
    boolean letter = v.chars().anyMatch(Character::isLetter);
    boolean digit = v.chars().anyMatch(Character::isDigit);
    return letter && digit;
  }

  /**
   * The 40-character base64 shape with the mix of a real secret key: upper and lower case and a
   * digit or symbol. Hex strings (git commit ids, SHA-1 hashes) are not secrets.
   */
  static boolean isSecretShaped(String token) {
    if (token.length() != 40 || HEX.matcher(token).matches()) return false;
    boolean upper = token.chars().anyMatch(Character::isUpperCase);
    boolean lower = token.chars().anyMatch(Character::isLowerCase);
    boolean other = token.chars().anyMatch(c -> Character.isDigit(c) || c == '/' || c == '+');
    return upper && lower && other;
  }
}
