package dev.iamscan.model;

import java.util.Objects;

/** A problem with the input itself: a file that could not be read or parsed, or a warning about it. */
public record Diagnostic(Level level, String file, int line, int column, String message) {
  public enum Level {
    /** The file, or part of it, could not be scanned. */
    ERROR,
    /** Scanned, but something deserves attention (duplicate keys, YAML aliases, ...). */
    WARNING
  }

  public Diagnostic {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    if (line < 1) line = 1;
    if (column < 1) column = 1;
  }

  public static Diagnostic error(String file, int line, int column, String message) {
    return new Diagnostic(Level.ERROR, file, line, column, message);
  }

  public static Diagnostic warning(String file, int line, int column, String message) {
    return new Diagnostic(Level.WARNING, file, line, column, message);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + level.name().toLowerCase() + ": " + message;
  }
}
