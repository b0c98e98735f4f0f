package dev.iamscan.model;

import java.util.Objects;

/**
 * Where a value sits in a source file. Lines and columns are 1-based; the end is inclusive of the
 * last character when known, otherwise equal to the start. {@code file} is relative to the scan
 * root, with forward slashes.
 */
public record SourceRange(String file, int startLine, int startColumn, int endLine, int endColumn) {
  public SourceRange {
    Objects.requireNonNull(file, "file");
    if (startLine < 1) startLine = 1;
    if (startColumn < 1) startColumn = 1;
    if (endLine < startLine) {
      endLine = startLine;
      endColumn = startColumn;
    }
    if (endLine == startLine && endColumn < startColumn) endColumn = startColumn;
  }

  public static SourceRange at(String file, int line, int column) {
    return new SourceRange(file, line, column, line, column);
  }

  /** A range covering both this and {@code other} (same file assumed). */
  public SourceRange span(SourceRange other) {
    boolean thisFirst = startLine < other.startLine
        || (startLine == other.startLine && startColumn <= other.startColumn);
    boolean thisLast = endLine > other.endLine
        || (endLine == other.endLine && endColumn >= other.endColumn);
    SourceRange s = thisFirst ? this : other;
    SourceRange e = thisLast ? this : other;
    return new SourceRange(file, s.startLine, s.startColumn, e.endLine, e.endColumn);
  }

  @Override
  public String toString() {
    return file + ":" + startLine + ":" + startColumn;
  }
}
