package dev.iamscan.rules;

import dev.iamscan.iam.IamView;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.state.StateView;
import java.util.Objects;

/**
 * What rules read: the IAM view and the typed state of the whole scan, and the configured
 * thresholds. The resource model is there for rules that look at every value whatever resource
 * holds it (hard-coded credentials, schema checks); rules about a kind of resource read the view or
 * the state, never a format's types or keys.
 */
public record ScanContext(ResourceModel model, IamView iam, StateView state, RuleSettings settings) {
  public ScanContext {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(iam, "iam");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(settings, "settings");
  }

  /** With the default thresholds. */
  public static ScanContext of(ResourceModel model) {
    return of(model, RuleSettings.DEFAULTS);
  }

  public static ScanContext of(ResourceModel model, RuleSettings settings) {
    return new ScanContext(model, IamView.build(model), StateView.build(model), settings);
  }
}
