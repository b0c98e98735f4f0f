package dev.iamscan.iam;

import dev.iamscan.model.ResourceModel;

/** The IAM reading of a resource model: principals, policies, attachments and statements. */
public final class IamView {
  public static IamView build(ResourceModel model) {
    return new IamView();
  }
}
