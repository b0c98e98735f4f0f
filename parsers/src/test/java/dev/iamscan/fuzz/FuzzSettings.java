package dev.iamscan.fuzz;

/** Settings shared by the fuzz targets. */
final class FuzzSettings {
  private FuzzSettings() {}

  /**
   * How long one target fuzzes under {@code JAZZER_FUZZ=1} (Jazzer reads it from the annotation
   * only); {@code scripts/fuzz} can stop earlier after a number of runs. Ignored when the normal
   * build replays the seeds.
   */
  static final String MAX_DURATION = "3m";
}
