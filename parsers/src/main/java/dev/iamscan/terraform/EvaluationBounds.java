package dev.iamscan.terraform;

import dev.iamscan.model.ParserLimits;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost bounds of evaluating one root module and the modules it calls, shared by all their
 * evaluators (they run on one thread, one inside another). Each bound, once exceeded, is reported
 * once, at the expression where it was reached; the value there becomes unknown.
 */
final class EvaluationBounds {
  private final ParserLimits limits;
  private long steps;
  private int depth;
  private boolean stepsReported;
  private boolean depthReported;
  private boolean deepValueReported;
  /** The template files being rendered, outermost first. */
  private final List<String> templates = new ArrayList<>();
  /** Nesting depth of container values already measured; values are immutable and often shared. */
  private final Map<Value, Integer> valueDepths = new IdentityHashMap<>();

  EvaluationBounds(ParserLimits limits) {
    this.limits = limits;
  }

  ParserLimits limits() {
    return limits;
  }

  /**
   * Counts {@code n} values built; false once the budget is spent. The first time, a WARNING at
   * {@code at}: everything evaluated from then on is unknown, so the module is only partly scanned.
   */
  boolean charge(long n, ModuleFiles files, SourceRange at) {
    steps += n;
    if (steps <= limits.maxEvaluationSteps()) return true;
    if (!stepsReported) {
      stepsReported = true;
      files.warn(at, "evaluation stopped after " + limits.maxEvaluationSteps()
          + " values: this module is only partly scanned, values from here on are unknown");
    }
    return false;
  }

  /** Whether the budget is spent: every further evaluation is unknown. */
  boolean spent() {
    return steps > limits.maxEvaluationSteps();
  }

  /** Enters one more nested evaluation; false (reported once) when that would go too deep. */
  boolean enter(ModuleFiles files, SourceRange at) {
    if (depth >= limits.maxEvaluationDepth()) {
      if (!depthReported) {
        depthReported = true;
        files.warn(at, "expression evaluated through more than " + limits.maxEvaluationDepth()
            + " nested expressions, locals or module outputs; its value is unknown");
      }
      return false;
    }
    depth++;
    return true;
  }

  void leave() {
    depth--;
  }

  /** Reports, once, a value nested deeper than {@code maxNestingDepth}. */
  void reportDeepValue(ModuleFiles files, SourceRange at) {
    if (deepValueReported) return;
    deepValueReported = true;
    files.warn(at, "value nested more than " + limits.maxNestingDepth()
        + " levels deep through locals or module calls; it is unknown, and so is any like it");
  }

  /** Why a template file cannot be rendered inside the current ones, or null when it can. */
  String templateRefusal(String file) {
    if (templates.contains(file)) return "renders itself (through " + String.join(" > ", templates) + ")";
    if (templates.size() >= limits.maxTemplateDepth()) {
      return "is nested more than " + limits.maxTemplateDepth() + " templatefile calls deep";
    }
    return null;
  }

  void enterTemplate(String file) {
    templates.add(file);
  }

  void leaveTemplate() {
    templates.remove(templates.size() - 1);
  }

  /** Whether a text of this length may be built; {@code length} may exceed int range. */
  boolean fitsString(long length) {
    return length <= limits.maxStringLength();
  }

  boolean fitsCollection(long size) {
    return size <= limits.maxCollectionSize();
  }

  /**
   * Whether a value nests lists and objects no deeper than {@code limit}. The walk stops past the
   * limit, so its own recursion stays shallow; shared parts are measured once.
   */
  boolean shallowerThan(Value v, int limit) {
    return depth(v, limit) <= limit;
  }

  private int depth(Value v, int limit) {
    if (!(v instanceof Value.ListValue) && !(v instanceof Value.ObjectValue)
        && !(v instanceof Value.Conditional)) {
      return 0;
    }
    Integer known = valueDepths.get(v);
    if (known != null) return known;
    if (limit < 0) return 1; // already past the limit above: no need to look further down
    int max = 0;
    if (v instanceof Value.ListValue l) {
      for (Value i : l.items()) max = Math.max(max, depth(i, limit - 1));
    } else if (v instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) max = Math.max(max, depth(f.value(), limit - 1));
    } else if (v instanceof Value.Conditional c) {
      max = Math.max(depth(c.whenTrue(), limit - 1), depth(c.whenFalse(), limit - 1));
    }
    int d = max + 1;
    // a cut-off walk is a lower bound only; keep exact answers
    if (d <= limit) valueDepths.put(v, d);
    return d;
  }
}
