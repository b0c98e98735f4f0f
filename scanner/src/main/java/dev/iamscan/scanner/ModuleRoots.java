package dev.iamscan.scanner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Tells root modules from called ones. A directory that another scanned module calls through a
 * local source is evaluated through that call, with its arguments, and not again on its own
 * defaults (which would report what the call never deploys, or the same line twice). A directory
 * nobody calls is a root. Directories reachable only through a cycle of calls are made roots too,
 * in path order, so that a recursive module is reported rather than silently skipped.
 */
final class ModuleRoots {
  private ModuleRoots() {}

  /**
   * @param units every discovered unit, in path order
   * @param localCalls the directories a module directory calls
   * @return the units to parse: templates, and the Terraform modules that are roots
   */
  static List<ScanUnit> select(List<ScanUnit> units, Function<Path, Set<Path>> localCalls) {
    Map<Path, ScanUnit> modules = new LinkedHashMap<>();
    for (ScanUnit u : units) if (u instanceof ScanUnit.TerraformModule) modules.put(real(u.path()), u);
    if (modules.size() < 2) return units;
    Map<Path, Set<Path>> edges = new HashMap<>();
    Set<Path> called = new HashSet<>();
    for (Path dir : modules.keySet()) {
      Set<Path> targets = new HashSet<>();
      for (Path t : localCalls.apply(modules.get(dir).path())) {
        Path r = real(t);
        if (!r.equals(dir) && modules.containsKey(r)) targets.add(r);
      }
      edges.put(dir, targets);
      called.addAll(targets);
    }
    Set<Path> roots = new HashSet<>();
    Set<Path> reached = new HashSet<>();
    for (Path dir : modules.keySet()) {
      if (!called.contains(dir)) {
        roots.add(dir);
        reach(dir, edges, reached);
      }
    }
    for (Path dir : modules.keySet()) {
      if (!reached.contains(dir)) {
        roots.add(dir);
        reach(dir, edges, reached);
      }
    }
    List<ScanUnit> out = new ArrayList<>();
    for (ScanUnit u : units) {
      if (!(u instanceof ScanUnit.TerraformModule) || roots.contains(real(u.path()))) out.add(u);
    }
    return out;
  }

  private static void reach(Path from, Map<Path, Set<Path>> edges, Set<Path> reached) {
    Deque<Path> todo = new ArrayDeque<>();
    todo.push(from);
    while (!todo.isEmpty()) {
      Path p = todo.pop();
      if (!reached.add(p)) continue;
      for (Path next : edges.getOrDefault(p, Set.of())) todo.push(next);
    }
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
