package dev.iamscan.scanner;

import java.nio.file.Path;
import java.util.List;

/**
 * What to scan.
 *
 * @param paths the scan roots, files or directories
 * @param varFiles Terraform variable files applied to every module
 * @param parseOnly parse and report diagnostics without running rules (benchmarks)
 * @param planRoot the root module Terraform plans were made from, when not beside them; may be null
 */
public record ScanRequest(List<Path> paths, List<Path> varFiles, boolean parseOnly, Path planRoot) {
  public ScanRequest {
    paths = List.copyOf(paths);
    varFiles = List.copyOf(varFiles);
    if (paths.isEmpty()) throw new IllegalArgumentException("at least one path is required");
  }

  public ScanRequest(List<Path> paths, List<Path> varFiles, boolean parseOnly) {
    this(paths, varFiles, parseOnly, null);
  }

  public ScanRequest(List<Path> paths) {
    this(paths, List.of(), false, null);
  }

}
