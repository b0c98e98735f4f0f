package dev.iamscan.rules.graph;

import dev.iamscan.iam.PrincipalKind;
import dev.iamscan.iam.PrincipalRef;
import dev.iamscan.model.SourceRange;
import java.util.List;

/**
 * A principal of the scan: a user, group or role (a SAM function's role and an Identity Center
 * permission set count as roles whose names the scan does not know).
 *
 * @param name the IAM name, or null when the scan does not know it
 * @param self the principal as a resource policies may name
 * @param groups the groups of a user
 */
record Actor(int id, PrincipalRef ref, String name, Target self, List<PrincipalRef> groups) {
  Actor {
    groups = List.copyOf(groups);
  }

  PrincipalKind kind() {
    return ref.kind();
  }

  boolean isUser() {
    return kind() == PrincipalKind.USER;
  }

  boolean isGroup() {
    return kind() == PrincipalKind.GROUP;
  }

  /** Users and roles act; a group only lends its policies to its members. */
  boolean acts() {
    return !isGroup();
  }

  /**
   * {@code ${aws:username}}: the name of a user (null when unknown), absent (empty) for a role. A
   * group stands for each of its members, whose names the group's policies cannot know: null.
   */
  String caller() {
    return isUser() ? name : isGroup() ? null : "";
  }

  /** How a path from it starts: {@code user dev}, or {@code a member of group ops} for a group. */
  String pathLabel() {
    return isGroup() ? "a member of " + label() : label();
  }

  /** How messages name it: {@code user dev}, {@code role aws_iam_role.x} when the name is unknown. */
  String label() {
    return kind().label() + " " + shortName();
  }

  String shortName() {
    if (name != null) return name;
    return ref.resource() != null ? ref.resource().shortName() : ref.name();
  }

  SourceRange range() {
    return ref.range();
  }
}
