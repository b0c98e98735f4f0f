package dev.iamscan.fuzz;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The properties every parser keeps on any input, checked by the fuzz targets and the hygiene
 * tests: nothing escapes but diagnostics, every line reported lies inside the file, and the same
 * input gives the same result.
 */
final class ParseInvariants {
  private ParseInvariants() {}

  /**
   * Lines as the most generous of our readers counts them: YAML also breaks lines at a lone CR,
   * NEL, LS and PS, so a position may legitimately lie beyond the count of LF characters.
   */
  static int lineCount(String text) {
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
          || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        n++;
      }
    }
    return n;
  }

  /** Every diagnostic and every located value of {@code file} sits on a line in 1..lines+1. */
  static void assertLinesInside(ParseResult r, String file, int lines) {
    List<String> bad = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) {
      if (d.file().equals(file) && (d.line() < 1 || d.line() > lines + 1)) bad.add(d.toString());
      if (d.message().startsWith("internal error")) bad.add("parser defect: " + d);
    }
    for (Resource res : r.resources()) {
      check(res.range(), file, lines, bad);
      walk(res.body(), file, lines, bad);
      walk(res.attributes(), file, lines, bad);
    }
    if (!bad.isEmpty()) {
      throw new AssertionError("positions outside the file (" + lines + " lines): " + bad.subList(0, Math.min(5, bad.size())));
    }
  }

  static void check(SourceRange range, String file, int lines, List<String> bad) {
    if (range == null || !range.file().equals(file)) return;
    if (range.startLine() < 1 || range.endLine() > lines + 1 || range.startLine() > range.endLine()) {
      bad.add(range.toString());
    }
  }

  /** Iterative, so that a deep value cannot overflow the checker's own stack. */
  private static void walk(Value root, String file, int lines, List<String> bad) {
    List<Value> todo = new ArrayList<>();
    todo.add(root);
    while (!todo.isEmpty()) {
      Value v = todo.remove(todo.size() - 1);
      check(v.range(), file, lines, bad);
      if (v instanceof Value.ListValue l) {
        todo.addAll(l.items());
      } else if (v instanceof Value.ObjectValue o) {
        for (Value.Field f : o.fields()) {
          check(f.keyRange(), file, lines, bad);
          todo.add(f.value());
        }
      } else if (v instanceof Value.Conditional c) {
        todo.add(c.whenTrue());
        todo.add(c.whenFalse());
      }
    }
  }

  static void assertSame(Object first, Object second) {
    if (!first.equals(second)) {
      throw new AssertionError("the same input gave different results:\n" + first + "\n" + second);
    }
  }
}
