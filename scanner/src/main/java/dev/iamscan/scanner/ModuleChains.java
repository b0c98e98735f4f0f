package dev.iamscan.scanner;

import dev.iamscan.model.ModuleCall;
import dev.iamscan.model.Resource;
import dev.iamscan.rules.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds the chain of {@code module} calls to findings about resources inside modules, and merges
 * findings that differ only in where they came from.
 *
 * <p>Messages name a resource by its module path without instance keys
 * ({@code module.users.aws_iam_user_policy.this}), so instances of one call that yield the same
 * thing are one finding, while two different calls of a module (different chains, so different
 * messages) are reported separately: each has its own arguments to fix. The {@code module} blocks of
 * the chain are added as related locations, outermost first.
 */
final class ModuleChains {
  private ModuleChains() {}

  record Key(String rule, Object location, String message) {}

  static List<Finding> annotate(List<Finding> findings, List<Resource> resources) {
    Map<String, List<Resource>> byAddress = new HashMap<>();
    for (Resource r : resources) {
      if (!r.moduleCalls().isEmpty()) byAddress.computeIfAbsent(r.address(), k -> new ArrayList<>()).add(r);
    }
    Map<Key, Finding> merged = new LinkedHashMap<>();
    for (Finding f : findings) {
      Set<Finding.Related> related = new LinkedHashSet<>();
      for (Resource r : byAddress.getOrDefault(f.resource(), List.of())) {
        if (!names(f.message(), r.displayName())) continue;
        StringBuilder path = new StringBuilder();
        for (ModuleCall c : r.moduleCalls()) {
          path.append(path.length() == 0 ? "" : ".").append(c.callName());
          related.add(new Finding.Related(path + " is called here", c.range()));
        }
      }
      Key key = new Key(f.ruleId(), f.location(), f.message());
      Finding previous = merged.get(key);
      Set<Finding.Related> all = new LinkedHashSet<>();
      if (previous != null) all.addAll(previous.related());
      all.addAll(f.related());
      all.addAll(related);
      Finding base = previous != null ? previous : f;
      merged.put(key, new Finding(base.rule(), base.severity(), base.message(), base.location(), base.resource(),
          base.evidence(), new ArrayList<>(all), base.path()));
    }
    return new ArrayList<>(merged.values());
  }

  /** Whether the message names the resource, not merely a longer path that ends the same way. */
  private static boolean names(String message, String name) {
    int i = message.indexOf(name);
    while (i >= 0) {
      boolean start = i == 0 || !(Character.isLetterOrDigit(message.charAt(i - 1))
          || message.charAt(i - 1) == '.' || message.charAt(i - 1) == '_');
      int end = i + name.length();
      boolean stop = end == message.length() || !(Character.isLetterOrDigit(message.charAt(end))
          || message.charAt(end) == '.' || message.charAt(end) == '_');
      if (start && stop) return true;
      i = message.indexOf(name, i + 1);
    }
    return false;
  }
}
