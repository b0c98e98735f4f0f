package dev.iamscan.rules.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated table shipped with the rules (escalation methods, sensitive reads, condition
 * keys): blank lines and lines starting with {@code #} are skipped, and every other row must have
 * exactly the columns the table declares. A table that does not read is a build defect, so it
 * fails loudly, naming the resource and line.
 */
public final class DataTable {
  private DataTable() {}

  /** One row: its line in the resource (for messages) and its fields, trailing empty ones kept. */
  public record Row(String resource, int line, List<String> fields) {
    public String get(int i) {
      return fields.get(i);
    }

    /** A defect of this row's content, named at its line. */
    public IllegalStateException defect(String want) {
      return new IllegalStateException(resource + ":" + line + ": expected " + want);
    }
  }

  /** The rows of {@code resource} next to {@code owner}; {@code want} names the columns for errors. */
  public static List<Row> read(Class<?> owner, String resource, int columns, String want) {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t", -1);
        Row row = new Row(resource, n, List.of(f));
        if (f.length != columns) throw row.defect(want + " (" + columns + " columns), found " + f.length);
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
