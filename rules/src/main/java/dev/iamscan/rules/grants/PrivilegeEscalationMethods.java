package dev.iamscan.rules.grants;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Known privilege-escalation methods: sets of actions that, allowed together to one identity, let it
 * gain more permissions. Published data (Rhino Security Labs, Cloudsplaining, pathfinding.cloud),
 * shipped as {@code privilege-escalation.tsv}; loaded once, on first use.
 */
final class PrivilegeEscalationMethods {
  static final String RESOURCE = "/dev/iamscan/rules/privilege-escalation.tsv";

  /** One method: its name and the actions, lower case, that must all be allowed. */
  record Method(String name, List<String> actions) {
    Method {
      actions = List.copyOf(actions);
    }
  }

  private PrivilegeEscalationMethods() {}

  static List<Method> all() {
    return Holder.METHODS;
  }

  private static final class Holder {
    static final List<Method> METHODS = load();
  }

  static List<Method> load() {
    List<Method> out = new ArrayList<>();
    try (InputStream in = PrivilegeEscalationMethods.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) continue;
        String[] f = line.split("\t");
        if (f.length < 2) continue;
        List<String> actions = new ArrayList<>();
        for (String a : f[1].split(",")) {
          if (!a.isBlank()) actions.add(a.trim().toLowerCase(Locale.ROOT));
        }
        out.add(new Method(f[0].trim(), actions));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
