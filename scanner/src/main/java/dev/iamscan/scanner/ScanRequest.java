package dev.iamscan.scanner;

import dev.iamscan.rules.RuleSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to scan.
 *
 * @param paths the scan roots, files or directories
 * @param varFiles Terraform variable files applied to every module
 * @param parseOnly parse and report diagnostics without running rules (benchmarks)
 * @param planRoot the root module Terraform plans were made from, when not beside them; may be null
 * @param settings the thresholds rules judge against
 * @param review what is reported of what the rules find
 */
public record ScanRequest(List<Path> paths, List<Path> varFiles, boolean parseOnly, Path planRoot,
    RuleSettings settings, ReviewSettings review) {
  public ScanRequest {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(review, "review");
    paths = List.copyOf(paths);
    varFiles = List.copyOf(varFiles);
    if (paths.isEmpty()) throw new IllegalArgumentException("at least one path is required");
  }

  public ScanRequest(List<Path> paths, List<Path> varFiles, boolean parseOnly, Path planRoot) {
    this(paths, varFiles, parseOnly, planRoot, RuleSettings.DEFAULTS, ReviewSettings.DEFAULTS);
  }

  public ScanRequest(List<Path> paths, List<Path> varFiles, boolean parseOnly) {
    this(paths, varFiles, parseOnly, null);
  }

  public ScanRequest(List<Path> paths) {
    this(paths, List.of(), false, null);
  }
}
