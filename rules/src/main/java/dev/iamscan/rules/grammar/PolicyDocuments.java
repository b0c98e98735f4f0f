package dev.iamscan.rules.grammar;

import dev.iamscan.iam.IamView;
import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.iam.ResourcePolicy;
import dev.iamscan.iam.ServiceControlPolicy;
import dev.iamscan.iam.TrustPolicy;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Every policy document of the IAM view with the resource that holds it and where (the attribute,
 * which for a policy rendered from a template file holds the call).
 */
record PolicyDocuments(PolicyDocument document, Resource owner, SourceRange at) {
  static List<PolicyDocuments> all(IamView iam) {
    List<PolicyDocuments> out = new ArrayList<>();
    for (IdentityPolicy p : iam.identityPolicies()) out.add(new PolicyDocuments(p.document(), p.owner(), p.at()));
    for (TrustPolicy p : iam.trustPolicies()) out.add(new PolicyDocuments(p.document(), p.role(), p.at()));
    for (ResourcePolicy p : iam.resourcePolicies()) {
      // An EventBridge bus policy's Statement property is one statement, not a document.
      if (p.form() == ResourcePolicy.Form.STATEMENT) continue;
      out.add(new PolicyDocuments(p.document(), p.owner(), p.at()));
    }
    for (ServiceControlPolicy p : iam.serviceControlPolicies()) out.add(new PolicyDocuments(p.document(), p.owner(), p.at()));
    return out;
  }
}
