package dev.iamscan.rules.support;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.iam.PrincipalRef;
import dev.iamscan.model.SourceRange;
import dev.iamscan.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** How findings about policies name things, the same way in every rule. */
public final class PolicyMessages {
  private PolicyMessages() {}

  public static String policyName(IdentityPolicy p) {
    return p.owner().displayName();
  }

  /** {@code " (attached to role aws_iam_role.ops)"}, or nothing when the scan does not show it. */
  public static String attachedSuffix(IdentityPolicy p) {
    // A role's own inline policy is named by the role already.
    List<PrincipalRef> others = p.attachedTo().stream().filter(a -> !p.owner().equals(a.resource())).toList();
    if (others.isEmpty()) return "";
    return others.stream()
        .map(a -> a.kind().label() + " " + a.name())
        .distinct()
        .collect(Collectors.joining(", ", " (attached to ", ")"));
  }

  /** The identities the policy is attached to and the data sources that built it. */
  public static List<Finding.Related> related(IdentityPolicy p) {
    List<Finding.Related> out = new ArrayList<>();
    for (PrincipalRef a : p.attachedTo()) {
      if (a.resource() != null && !a.resource().equals(p.owner())) {
        out.add(new Finding.Related(a.kind().label() + " " + a.name(), a.resource().headRange()));
      }
    }
    // a policy read from a template or file (templatefile(), file()): where it is read
    p.document().statements().stream().map(st -> st.range().file())
        .filter(f -> !f.equals(p.at().file()) && !f.endsWith(".tf") && !f.endsWith(".tf.json"))
        .findFirst().ifPresent(f -> out.add(new Finding.Related("policy read from " + f + " here", p.at())));
    for (SourceRange r : p.document().builtFrom()) {
      if (!r.equals(p.owner().headRange())) out.add(new Finding.Related("policy document built here", r));
    }
    return out;
  }
}
