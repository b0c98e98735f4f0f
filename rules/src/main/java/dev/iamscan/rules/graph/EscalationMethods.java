package dev.iamscan.rules.graph;

import dev.iamscan.rules.support.DataTable;
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
    for (DataTable.Row row : DataTable.read(EscalationMethods.class, RESOURCE, 6,
        "name, actions, target, how, service, wording")) {
      out.add(new Method(row.get(0), List.of(row.get(1).split(",")), row.get(2),
          How.valueOf(row.get(3).toUpperCase(java.util.Locale.ROOT)), row.get(4).equals("-") ? null : row.get(4), row.get(5)));
    }
    return List.copyOf(out);
  }
}
