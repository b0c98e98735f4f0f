package dev.iamscan.rules.grants;

import dev.iamscan.rules.support.DataTable;
import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.LocatedString;
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
    for (DataTable.Row row : DataTable.read(ResourceConditionKeys.class, RESOURCE, 4,
        "key, single|multi, what it names, reference")) {
      if (!(row.get(1).equals("single") || row.get(1).equals("multi")) || !row.get(0).contains(":")) {
        throw row.defect("key, single|multi, what it names, reference");
      }
      out.put(row.get(0).toLowerCase(Locale.ROOT), new Key(row.get(0), row.get(1).equals("multi"), row.get(2), row.get(3)));
    }
    return Map.copyOf(out);
  }
}
