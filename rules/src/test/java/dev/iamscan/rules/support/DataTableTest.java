package dev.iamscan.rules.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataTableTest {
  @Test
  void aRowWithTheWrongColumnsNamesItsLine() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> DataTable.read(DataTableTest.class, "three-rows.tsv", 2, "left, right"));
    assertEquals("three-rows.tsv:4: expected left, right (2 columns), found 3", e.getMessage());
  }

  @Test
  void commentsAndBlankLinesAreSkippedAndTrailingEmptyFieldsKept() {
    List<DataTable.Row> rows = DataTable.read(DataTableTest.class, "two-columns.tsv", 2, "x");
    assertEquals(List.of(3, 4), rows.stream().map(DataTable.Row::line).toList());
    assertEquals(List.of("c", ""), rows.get(1).fields());
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> DataTable.read(DataTableTest.class, "absent.tsv", 2, "x"));
    assertEquals("missing resource absent.tsv", missing.getMessage());
  }
}
