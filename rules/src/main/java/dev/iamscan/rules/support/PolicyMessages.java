package dev.iamscan.rules.support;

import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.iam.PrincipalRef;
import dev.iamscan.iam.ResourcePolicy;
import dev.iamscan.iam.TrustPolicy;
import dev.iamscan.model.SourceRange;
import dev.iamscan.policy.PolicyDocument;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    readFrom(p.document(), p.at()).ifPresent(out::add);
    for (SourceRange r : p.document().builtFrom()) {
      if (!r.equals(p.owner().headRange())) out.add(new Finding.Related("policy document built here", r));
    }
    return out;
  }

  /** Where a trust policy read from a template or file is read, or nothing. */
  public static List<Finding.Related> related(TrustPolicy p) {
    return readFrom(p.document(), p.at()).map(List::of).orElse(List.of());
  }

  /** Where a resource policy read from a template or file is read, or nothing. */
  public static List<Finding.Related> related(ResourcePolicy p) {
    return readFrom(p.document(), p.at()).map(List::of).orElse(List.of());
  }

  /**
   * {@code related} with {@code more} after it: the rule's own related locations, then where the
   * policy is read.
   */
  public static List<Finding.Related> with(List<Finding.Related> more, List<Finding.Related> related) {
    if (related.isEmpty()) return more;
    List<Finding.Related> out = new ArrayList<>(more);
    out.addAll(related);
    return out;
  }

  /**
   * A policy read from a template or file ({@code templatefile()}, {@code file()}, a
   * {@code template_file} data source), whose statements lie in that file: the attribute holding
   * the call, where the policy is read. Findings point at the line in the template; this is how a
   * reviewer finds the resource that uses it.
   */
  private static Optional<Finding.Related> readFrom(PolicyDocument d, SourceRange at) {
    return d.statements().stream().map(st -> st.range().file())
        .filter(f -> readElsewhere(f, at)).findFirst().map(f -> readHere(f, at));
  }

  /**
   * Where a policy document is read when a finding about it lies in {@code file}, another file than
   * the one holding the policy attribute {@code at} (a template): that attribute; else nothing.
   */
  public static List<Finding.Related> readFrom(String file, SourceRange at) {
    return readElsewhere(file, at) ? List.of(readHere(file, at)) : List.of();
  }

  /** {@link #readFrom(String, SourceRange)} for a finding about one statement of the document. */
  public static List<Finding.Related> readFrom(PolicyStatement s, SourceRange at) {
    return readFrom(s.range().file(), at);
  }

  private static boolean readElsewhere(String file, SourceRange at) {
    return !file.equals(at.file()) && !file.endsWith(".tf") && !file.endsWith(".tf.json");
  }

  private static Finding.Related readHere(String file, SourceRange at) {
    return new Finding.Related("policy read from " + file + " here", at);
  }
}
