package dev.iamscan.rules;

import dev.iamscan.iam.IamView;
import dev.iamscan.model.ResourceModel;
import java.util.Objects;

/** What rules read: the resource model of the whole scan and its IAM view. */
public record ScanContext(ResourceModel model, IamView iam) {
  public ScanContext {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(iam, "iam");
  }

  public static ScanContext of(ResourceModel model) {
    return new ScanContext(model, IamView.build(model));
  }
}
