package dev.iamscan.rules.grants;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    try (InputStream in = SensitiveReads.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.startsWith("#") || line.isBlank()) continue;
        String[] f = line.split("\t");
        if (f.length != 3) throw new IllegalStateException(RESOURCE + ":" + n + ": expected action, kind, exposes");
        out.put(f[0].trim().toLowerCase(Locale.ROOT), new Entry(f[0].trim(), Kind.of(f[1].trim()), f[2].trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
