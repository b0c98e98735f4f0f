package dev.iamscan.rules.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The privilege-escalation methods table ({@code escalation-methods.tsv}), loaded once. */
final class EscalationMethods {
  static final String RESOURCE = "/dev/iamscan/rules/graph/escalation-methods.tsv";
  static final Set<String> TARGETS = Set.of("user", "role", "group", "policy", "service-role", "instance", "function",
      "stack", "glue-endpoint", "notebook", "launch-template", "task", "code-interpreter");

  enum How { GRANT, BECOME, JOIN, RUN, UNKNOWN }

  /**
   * One method.
   *
   * @param actions as written in AWS's documentation; the first one's resource is the target
   * @param service the service principal a passed role must trust, or null
   */
  record Method(String name, List<String> actions, String target, How how, String service, String wording) {
    Method {
      actions = List.copyOf(actions);
      if (!TARGETS.contains(target)) throw new IllegalArgumentException(name + ": unknown target " + target);
      if (target.equals("service-role") != (service != null)) {
        throw new IllegalArgumentException(name + ": a service-role method names its service, no other does");
      }
      if (!wording.contains("{t}")) throw new IllegalArgumentException(name + ": wording must name {t}");
    }

    String key() {
      return actions.get(0);
    }

    List<String> others() {
      return actions.subList(1, actions.size());
    }

    String say(String target) {
      return wording.replace("{t}", target);
    }

    /** An existing resource whose role the caller uses. */
    boolean existing() {
      return how == How.RUN && service == null;
    }
  }

  private EscalationMethods() {}

  static List<Method> all() {
    return Holder.ALL;
  }

  private static final class Holder {
    static final List<Method> ALL = load();
  }

  static List<Method> load() {
    List<Method> out = new ArrayList<>();
    try (InputStream in = EscalationMethods.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.startsWith("#") || line.isBlank()) continue;
        String[] f = line.split("\t");
        if (f.length != 6) throw new IllegalStateException(RESOURCE + ":" + n + ": expected 6 columns, found " + f.length);
        out.add(new Method(f[0], List.of(f[1].split(",")), f[2],
            How.valueOf(f[3].toUpperCase(java.util.Locale.ROOT)), f[4].equals("-") ? null : f[4], f[5]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
