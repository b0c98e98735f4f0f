package dev.iamscan.scanner;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One path the scan was asked for, and how its files are named in reports.
 *
 * @param requested the path as given (a file or a directory), absolute and normalised
 * @param directory the directory parsers see as their scan root: the path itself, or a file's parent
 * @param prefix what goes before a root-relative path to name it relative to the working
 *     directory, with a trailing slash; empty when the root is the working directory or lies outside it
 * @param baseId the SARIF {@code uriBaseId} its files are relative to
 * @param insideWorkingDirectory whether names are relative to the working directory
 */
public record ScanRoot(Path requested, Path directory, String prefix, String baseId,
    boolean insideWorkingDirectory) {
  /** The SARIF base id of the working directory. */
  public static final String SRCROOT = "%SRCROOT%";

  public ScanRoot {
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(baseId, "baseId");
  }

  /**
   * @param index position among the roots outside the working directory, used to name their base id
   */
  static ScanRoot of(Path requested, boolean isFile, Path workingDirectory, int index) {
    Path abs = requested.toAbsolutePath().normalize();
    Path dir = isFile ? abs.getParent() : abs;
    Path cwd = workingDirectory.toAbsolutePath().normalize();
    if (dir.startsWith(cwd)) {
      String rel = slashes(cwd.relativize(dir).toString());
      return new ScanRoot(abs, dir, rel.isEmpty() ? "" : rel + "/", SRCROOT, true);
    }
    return new ScanRoot(abs, dir, "", "SCANROOT" + index, false);
  }

  /** A file of this root named for reports. */
  String display(Path file) {
    return prefix + slashes(directory.relativize(file.toAbsolutePath().normalize()).toString());
  }

  static String slashes(String path) {
    return path.replace('\\', '/');
  }
}
