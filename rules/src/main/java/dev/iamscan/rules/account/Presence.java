package dev.iamscan.rules.account;

import dev.iamscan.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether something a rule misses when absent (a password policy, an Access Analyzer) exists for a
 * resource: always, only under some input values, or not at all. A resource that the defaults
 * switch off (a Terraform resource its variable defaults switch off, a CloudFormation resource whose
 * {@code Condition} is false with the parameter defaults) does not make the account safe: with the
 * defaults it has none, so the absence is reported with the values under which it would exist. A
 * condition the defaults make true or leave undecided counts as present: no finding on a guess.
 * One that exists under the very
 * condition the resource needing it exists under (same condition in the same module or template)
 * is there whenever that resource is.
 *
 * @param always at least one candidate exists whenever {@code subject} does
 * @param conditions when none always exists: the conditions under which some candidate exists, in
 *     scan order without repeats; empty when there is no candidate at all
 * @param conditional the candidates that exist only under those conditions, for related locations
 */
record Presence(boolean always, List<String> conditions, List<Resource> conditional) {

  /** How the candidates satisfying an absence rule exist for {@code subject}. */
  static Presence of(List<Resource> candidates, Resource subject) {
    Set<String> when = new LinkedHashSet<>();
    List<Resource> conditional = new ArrayList<>();
    for (Resource c : candidates) {
      if (c.existsWhenever(subject)) return new Presence(true, List.of(), List.of());
      when.add(c.appliesWhen().orElseThrow());
      conditional.add(c);
    }
    return new Presence(false, List.copyOf(when), List.copyOf(conditional));
  }

  /** Nothing exists by default: the absence is to be reported. */
  boolean missing() {
    return !always;
  }

  /** What a message adds after "no X is defined": empty, or {@code " unless var.enabled = true"}. */
  String unless() {
    return conditions.isEmpty() ? "" : " unless " + String.join(" or ", conditions);
  }
}
