package dev.iamscan.scanner;

import dev.iamscan.model.ModuleCall;
import dev.iamscan.model.Resource;
import dev.iamscan.rules.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds the chain of {@code module} calls to findings about resources inside modules, and merges
 * the findings that several instances of one module make at one place into one.
 *
 * <p>Rules name a resource inside a module by its instance path
 * ({@code module.users["alice"].aws_iam_user.this}). The same finding at the same location from
 * several instances (the keys of a {@code count} or {@code for_each} call, or several calls of one
 * module) is one problem with one fix, in the module's source: it becomes one finding, named by
 * the first instance's call path without keys, that lists the instances. A finding from one
 * instance of a call with keys names that instance. The {@code module} blocks of every chain are
 * related locations, outermost first.
 */
final class ModuleChains {
  private ModuleChains() {}

  /** The identity of a finding with its module path left out. */
  record Key(String rule, Object location, String message) {}

  private static final String SLOT = "\u0000";
  private static final int SHOWN = 5;

  /** One finding's reading: the message with each module path replaced, and the instances it names. */
  private record Reading(String generic, String keyless, List<String> instances, Set<Finding.Related> chains,
      Map<String, String> keylessNames) {
    /** A related location's message with instance paths written without keys, as the message has them. */
    String keyless(String text) {
      for (Map.Entry<String, String> e : keylessNames.entrySet()) text = replaceName(text, e.getKey(), e.getValue());
      return text;
    }
  }

  private static final class Group {
    final Finding first;
    final Reading reading;
    final Set<String> instances = new LinkedHashSet<>();
    final Set<Finding.Related> related = new LinkedHashSet<>();

    Group(Finding first, Reading reading) {
      this.first = first;
      this.reading = reading;
    }
  }

  /**
   * Adds the call chains as related locations and merges findings that differ only in where they
   * came from. Runs before the review, so that a suppression on one {@code module} call still sees
   * that call's own findings.
   */
  static List<Finding> annotate(List<Finding> findings, List<Resource> resources) {
    Map<String, List<Resource>> byAddress = moduleResources(resources);
    Map<Key, Finding> merged = new LinkedHashMap<>();
    for (Finding f : findings) {
      Reading reading = read(f, mentioned(f, byAddress));
      Key key = new Key(f.ruleId(), f.location(), f.message());
      Finding previous = merged.get(key);
      Set<Finding.Related> all = new LinkedHashSet<>();
      if (previous != null) all.addAll(previous.related());
      all.addAll(f.related());
      all.addAll(reading.chains());
      Finding base = previous != null ? previous : f;
      merged.put(key, new Finding(base.rule(), base.severity(), base.message(), base.location(), base.resource(),
          base.evidence(), new ArrayList<>(all), base.path()));
    }
    return new ArrayList<>(merged.values());
  }

  /**
   * Merges what the review reports: the same finding at one location from several instances of a
   * module is one finding naming them.
   */
  static List<Finding> mergeInstances(List<Finding> findings, List<Resource> resources) {
    Map<String, List<Resource>> byAddress = moduleResources(resources);
    Map<Key, Group> merged = new LinkedHashMap<>();
    for (Finding f : findings) {
      Reading reading = read(f, mentioned(f, byAddress));
      Key key = new Key(f.ruleId(), f.location(), reading.generic());
      Group g = merged.computeIfAbsent(key, k -> new Group(f, reading));
      g.instances.addAll(reading.instances());
      for (Finding.Related rel : f.related()) g.related.add(new Finding.Related(reading.keyless(rel.message()), rel.location()));
    }
    List<Finding> out = new ArrayList<>(merged.size());
    for (Group g : merged.values()) {
      Finding base = g.first;
      String message = base.message();
      if (!g.instances.isEmpty()) {
        message = g.reading.keyless();
        boolean keyed = g.instances.stream().anyMatch(i -> i.indexOf('[') >= 0);
        if (g.instances.size() > 1 || keyed) message += instancesSuffix(new ArrayList<>(g.instances));
      }
      List<Finding.Related> path = base.path().stream()
          .map(step -> new Finding.Related(g.reading.keyless(step.message()), step.location())).toList();
      out.add(new Finding(base.rule(), base.severity(), message, base.location(), base.resource(),
          base.evidence(), new ArrayList<>(g.related), path));
    }
    return out;
  }

  /** The module resources whose address the finding is about or its message mentions. */
  private static List<Resource> mentioned(Finding f, Map<String, List<Resource>> byAddress) {
    List<Resource> out = new ArrayList<>(byAddress.getOrDefault(f.resource(), List.of()));
    for (Map.Entry<String, List<Resource>> e : byAddress.entrySet()) {
      if (!e.getKey().equals(f.resource()) && f.message().contains(e.getKey())) out.addAll(e.getValue());
    }
    return out;
  }

  private static Map<String, List<Resource>> moduleResources(List<Resource> resources) {
    Map<String, List<Resource>> byAddress = new HashMap<>();
    for (Resource r : resources) {
      if (!r.moduleCalls().isEmpty()) byAddress.computeIfAbsent(r.address(), k -> new ArrayList<>()).add(r);
    }
    return byAddress;
  }

  /**
   * Which module instances a message names (by their display names, with keys) and the message
   * with their paths left out; resources named by a longer path are matched first.
   */
  private static Reading read(Finding f, List<Resource> candidates) {
    String generic = f.message();
    String keyless = f.message();
    List<String> instances = new ArrayList<>();
    Set<Finding.Related> chains = new LinkedHashSet<>();
    Map<String, String> keylessNames = new LinkedHashMap<>();
    List<Resource> ordered = new ArrayList<>(candidates);
    ordered.sort(Comparator.comparingInt((Resource r) -> -r.displayName().length()));
    for (Resource r : ordered) {
      String name = r.displayName();
      // matched against the message as written: two roots may call a module by the same path
      if (!names(f.message(), name)) continue;
      generic = replaceName(generic, name, SLOT + r.address());
      keyless = replaceName(keyless, name, r.modulePath() + "." + r.address());
      keylessNames.put(name, r.modulePath() + "." + r.address());
      if (!instances.contains(r.instancePath())) instances.add(r.instancePath());
      StringBuilder path = new StringBuilder();
      for (ModuleCall c : r.moduleCalls()) {
        path.append(path.length() == 0 ? "" : ".").append(c.callName());
        chains.add(new Finding.Related(path + " is called here", c.range()));
      }
    }
    return new Reading(generic, keyless, instances, chains, keylessNames);
  }

  /** {@code " (module instances: module.users["alice"], module.users["bob"])"}, at most a few named. */
  private static String instancesSuffix(List<String> instances) {
    String head = String.join(", ", instances.subList(0, Math.min(SHOWN, instances.size())));
    String more = instances.size() > SHOWN ? " and " + (instances.size() - SHOWN) + " more" : "";
    return " (" + (instances.size() == 1 ? "module instance " : "in " + instances.size() + " module instances: ")
        + head + more + ")";
  }

  /** The message with every whole-name occurrence of {@code name} replaced. */
  private static String replaceName(String message, String name, String with) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    int i = message.indexOf(name);
    while (i >= 0) {
      if (wholeName(message, name, i)) {
        out.append(message, from, i).append(with);
        from = i + name.length();
      }
      i = message.indexOf(name, i + 1);
    }
    return out.append(message.substring(from)).toString();
  }

  /** Whether the message names the resource, not merely a longer path that ends the same way. */
  private static boolean names(String message, String name) {
    int i = message.indexOf(name);
    while (i >= 0) {
      if (wholeName(message, name, i)) return true;
      i = message.indexOf(name, i + 1);
    }
    return false;
  }

  private static boolean wholeName(String message, String name, int i) {
    boolean start = i == 0 || !(Character.isLetterOrDigit(message.charAt(i - 1))
        || message.charAt(i - 1) == '.' || message.charAt(i - 1) == '_' || message.charAt(i - 1) == ']');
    int end = i + name.length();
    boolean stop = end == message.length() || !(Character.isLetterOrDigit(message.charAt(end))
        || message.charAt(end) == '.' || message.charAt(end) == '_');
    return start && stop;
  }
}
