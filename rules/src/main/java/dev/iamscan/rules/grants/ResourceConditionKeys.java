package dev.iamscan.rules.grants;

import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.LocatedString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Service condition keys whose value names the resource a request acts on ({@code ecs:cluster},
 * {@code lambda:FunctionArn}, {@code kms:ResourceAliases}, ...), shipped as data
 * ({@code resource-condition-keys.tsv}, taken from AWS's Service Authorization Reference). A
 * statement on {@code "*"} whose condition requires such a key to equal a specific value grants
 * only on what that value names: it is scoped as if the ARN were in {@code Resource}.
 */
final class ResourceConditionKeys {
  static final String RESOURCE = "/dev/iamscan/rules/resource-condition-keys.tsv";

  /** One key: whether it holds several values, and what its value names, for messages. */
  record Key(String name, boolean multivalued, String names, String reference) {}

  private static final Set<String> POSITIVE = Set.of("StringEquals", "StringLike", "StringEqualsIgnoreCase",
      "ArnEquals", "ArnLike");

  private static volatile Map<String, Key> keys;

  private ResourceConditionKeys() {}

  static Map<String, Key> all() {
    Map<String, Key> k = keys;
    if (k == null) {
      k = load();
      keys = k;
    }
    return k;
  }

  /**
   * The key a clause scopes the statement by, if it does: a positive, non-{@code IfExists} test
   * (a set operator only as {@code ForAnyValue} on a multivalued key) of a listed key against
   * values that are all specific. A value the scanner cannot resolve (a reference to a cluster's
   * ARN) still names one resource; {@code "*"} or an ARN ending in {@code *} names none.
   */
  static Optional<Key> scopes(ConditionClause c) {
    Key key = all().get(c.lowerKey());
    if (key == null || c.ifExists() || c.negated() || !POSITIVE.contains(c.baseOperator())) return Optional.empty();
    String op = c.operator();
    if (op.contains(":")) {
      boolean anyValue = op.regionMatches(true, 0, "ForAnyValue:", 0, "ForAnyValue:".length());
      if (!anyValue || !key.multivalued()) return Optional.empty();
    }
    if (c.values().isEmpty() && !c.hasUnknown()) return Optional.empty();
    for (LocatedString v : c.values()) {
      if (!specific(v.value())) return Optional.empty();
    }
    return Optional.of(key);
  }

  /** A value that names something: not {@code *}, and not an ARN or path ending in a wildcard. */
  static boolean specific(String value) {
    String v = value.strip();
    if (v.isEmpty() || v.equals("*")) return false;
    return !(v.endsWith(":*") || v.endsWith("/*"));
  }

  private static Map<String, Key> load() {
    Map<String, Key> out = new LinkedHashMap<>();
    try (InputStream in = ResourceConditionKeys.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the build");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t", -1);
        if (f.length != 4 || !(f[1].equals("single") || f[1].equals("multi")) || !f[0].contains(":")) {
          throw new IllegalStateException(RESOURCE + " line " + n + ": want key, single|multi, what it names, reference");
        }
        out.put(f[0].toLowerCase(Locale.ROOT), new Key(f[0], f[1].equals("multi"), f[2], f[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
