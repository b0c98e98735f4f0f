package dev.iamscan.scanner;

import java.nio.file.Path;
import java.util.List;

/**
 * What to scan.
 *
 * @param paths the scan roots, files or directories
 * @param varFiles Terraform variable files applied to every module
 * @param parseOnly parse and report diagnostics without running rules (benchmarks)
 */
public record ScanRequest(List<Path> paths, List<Path> varFiles, boolean parseOnly) {
  public ScanRequest {
    paths = List.copyOf(paths);
    varFiles = List.copyOf(varFiles);
    if (paths.isEmpty()) throw new IllegalArgumentException("at least one path is required");
  }

  public ScanRequest(List<Path> paths) {
    this(paths, List.of(), false);
  }

}
