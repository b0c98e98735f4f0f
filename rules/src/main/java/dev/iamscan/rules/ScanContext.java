package dev.iamscan.rules;

import dev.iamscan.iam.IamView;
import dev.iamscan.model.ResourceModel;
import java.util.Objects;

/** What rules read: the resource model of the whole scan, its IAM view, and the configured thresholds. */
public record ScanContext(ResourceModel model, IamView iam, RuleSettings settings) {
  public ScanContext {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(iam, "iam");
    Objects.requireNonNull(settings, "settings");
  }

  public ScanContext(ResourceModel model, IamView iam) {
    this(model, iam, RuleSettings.DEFAULTS);
  }

  /** With the default thresholds. */
  public static ScanContext of(ResourceModel model) {
    return of(model, RuleSettings.DEFAULTS);
  }

  public static ScanContext of(ResourceModel model, RuleSettings settings) {
    return new ScanContext(model, IamView.build(model), settings);
  }
}
