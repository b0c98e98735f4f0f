package dev.iamscan.scanner.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Path globs as people write them in ignore files: {@code legacy/} or {@code legacy} covers the
 * directory, a pattern without a slash matches at any depth, {@code **} crosses directories.
 */
public final class PathPatterns {
  private final List<PathMatcher> matchers = new ArrayList<>();

  public PathPatterns(List<String> patterns) {
    for (String raw : patterns) {
      String p = raw.strip().replace('\\', '/');
      if (p.startsWith("./")) p = p.substring(2);
      if (p.startsWith("/")) p = p.substring(1);
      if (p.endsWith("/")) p = p + "**";
      if (p.isEmpty()) continue;
      List<String> forms = new ArrayList<>(List.of(p, p + "/**"));
      if (!p.contains("/")) {
        forms.add("**/" + p);
        forms.add("**/" + p + "/**");
      }
      for (String form : forms) matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + form));
    }
  }

  /** @param file a relative path with forward slashes */
  public boolean matches(String file) {
    if (file.isEmpty() || matchers.isEmpty()) return false;
    Path path = Path.of(file);
    return matchers.stream().anyMatch(m -> m.matches(path));
  }
}
