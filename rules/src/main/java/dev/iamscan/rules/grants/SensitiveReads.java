package dev.iamscan.rules.grants;

import dev.iamscan.rules.support.DataTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Actions that hand over secrets or data, or change the tags that decide access: the table that
 * IAM043 and IAM044 read, shipped as {@code sensitive-reads.tsv} and loaded once, on first use.
 */
final class SensitiveReads {
  static final String RESOURCE = "/dev/iamscan/rules/sensitive-reads.tsv";

  /** What an action exposes. Credentials and tags are IAM043's, data is IAM044's. */
  enum Kind {
    CREDENTIALS("credential reads"), TAGS("changes to access-control tags"), DATA("data reads");

    private final String phrase;

    Kind(String phrase) {
      this.phrase = phrase;
    }

    String phrase() {
      return phrase;
    }

    static Kind of(String word) {
      return switch (word) {
        case "credentials" -> CREDENTIALS;
        case "tags" -> TAGS;
        case "data" -> DATA;
        default -> throw new IllegalArgumentException("unknown kind " + word + " in " + RESOURCE);
      };
    }
  }

  /** One row: the action as AWS spells it, its kind, and what it hands over on every resource. */
  record Entry(String action, Kind kind, String exposes) {}

  private SensitiveReads() {}

  /** Every entry, keyed by lower-case qualified action name, in table order. */
  static Map<String, Entry> all() {
    return Holder.ENTRIES;
  }

  static Optional<Entry> of(IamActions.Action action) {
    return Optional.ofNullable(all().get(action.qualified().toLowerCase(Locale.ROOT)));
  }

  private static final class Holder {
    static final Map<String, Entry> ENTRIES = load();
  }

  static Map<String, Entry> load() {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (DataTable.Row row : DataTable.read(SensitiveReads.class, RESOURCE, 3, "action, kind, exposes")) {
      String action = row.get(0).trim();
      out.put(action.toLowerCase(Locale.ROOT), new Entry(action, Kind.of(row.get(1).trim()), row.get(2).trim()));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The table's actions a pattern as written reaches, through the catalogue, in catalogue order. */
  static List<IamActions.Action> reach(String pattern) {
    return IamActions.get().expand(pattern).stream()
        .filter(a -> a.resourceLevel() && all().containsKey(a.qualified().toLowerCase(Locale.ROOT)))
        .toList();
  }
}
