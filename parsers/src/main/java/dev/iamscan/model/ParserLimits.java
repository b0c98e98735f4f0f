package dev.iamscan.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds that keep a hostile or broken input from costing unbounded memory or time. Each exceeded
 * bound becomes a diagnostic naming the file and line, never an exception; the file (or the part
 * beyond the bound) is then not scanned.
 *
 * @param maxFileBytes files larger than this are not read at all (real templates reach 6 MB)
 * @param maxNestingDepth deepest nesting of blocks, brackets, braces and interpolations (HCL), of
 *     mappings and sequences (YAML), of objects and arrays (JSON)
 * @param maxStringLength longest single string, in characters
 * @param maxYamlAliases most YAML aliases and merge keys in one document; they are reported, never
 *     expanded, so this only bounds the number of warnings
 * @param timeBudget most time spent parsing one file
 */
public record ParserLimits(
    long maxFileBytes, int maxNestingDepth, int maxStringLength, int maxYamlAliases, Duration timeBudget) {
  public static final long DEFAULT_MAX_FILE_BYTES = 32L * 1024 * 1024;
  public static final int DEFAULT_MAX_NESTING_DEPTH = 256;
  public static final int DEFAULT_MAX_STRING_LENGTH = 8 * 1024 * 1024;
  public static final int DEFAULT_MAX_YAML_ALIASES = 1000;
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(20);

  /** The defaults, meant to accept every real template and module with a wide margin. */
  public static final ParserLimits DEFAULTS = new ParserLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_NESTING_DEPTH,
      DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_YAML_ALIASES, DEFAULT_TIME_BUDGET);

  public ParserLimits {
    Objects.requireNonNull(timeBudget, "timeBudget");
    if (maxFileBytes < 1) throw new IllegalArgumentException("maxFileBytes must be positive");
    if (maxNestingDepth < 2) throw new IllegalArgumentException("maxNestingDepth must be at least 2");
    if (maxStringLength < 1) throw new IllegalArgumentException("maxStringLength must be positive");
    if (maxYamlAliases < 0) throw new IllegalArgumentException("maxYamlAliases must not be negative");
    if (timeBudget.isNegative() || timeBudget.isZero()) throw new IllegalArgumentException("timeBudget must be positive");
  }

  public ParserLimits withMaxFileBytes(long v) {
    return new ParserLimits(v, maxNestingDepth, maxStringLength, maxYamlAliases, timeBudget);
  }

  public ParserLimits withMaxNestingDepth(int v) {
    return new ParserLimits(maxFileBytes, v, maxStringLength, maxYamlAliases, timeBudget);
  }

  public ParserLimits withMaxStringLength(int v) {
    return new ParserLimits(maxFileBytes, maxNestingDepth, v, maxYamlAliases, timeBudget);
  }

  public ParserLimits withMaxYamlAliases(int v) {
    return new ParserLimits(maxFileBytes, maxNestingDepth, maxStringLength, v, timeBudget);
  }

  public ParserLimits withTimeBudget(Duration v) {
    return new ParserLimits(maxFileBytes, maxNestingDepth, maxStringLength, maxYamlAliases, v);
  }

  /** The deadline, in {@link System#nanoTime()} terms, for a file whose parsing starts now. */
  public long deadlineFromNow() {
    long budget;
    try {
      budget = timeBudget.toNanos();
    } catch (ArithmeticException e) {
      budget = Long.MAX_VALUE / 2;
    }
    return System.nanoTime() + Math.min(budget, Long.MAX_VALUE / 2);
  }
}
