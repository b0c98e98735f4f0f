package dev.iamscan.iam;

import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Terraform {@code data "aws_iam_policy_document"} blocks that no policy of the scan is built from
 * and that name no principal: identity policies written in the module and handed elsewhere (an
 * output, another module), whose grants are as real as those of an attached policy.
 */
public final class StandalonePolicyDocuments {
  private StandalonePolicyDocuments() {}

  /** The standalone documents, as identity policies attached to nothing the scan shows. */
  public static List<IdentityPolicy> of(IamView view) {
    Set<SourceRange> used = new HashSet<>();
    view.identityPolicies().forEach(p -> used.addAll(p.document().builtFrom()));
    view.trustPolicies().forEach(p -> used.addAll(p.document().builtFrom()));
    view.resourcePolicies().forEach(p -> used.addAll(p.document().builtFrom()));
    List<IdentityPolicy> out = new ArrayList<>();
    for (Resource r : view.model().resources()) {
      if (r.format() != Format.TERRAFORM || !r.kind().equals("data") || !r.type().equals("aws_iam_policy_document")) continue;
      if (used.contains(r.headRange())) continue;
      PolicyDocument d = view.reader().readDataSource(r);
      // A document that names principals is a trust or resource policy, not an identity policy.
      if (d.statements().stream().anyMatch(s -> s.principalsPresent())) continue;
      out.add(new IdentityPolicy(d, r, r.range(), false, List.of()));
    }
    return out;
  }
}
