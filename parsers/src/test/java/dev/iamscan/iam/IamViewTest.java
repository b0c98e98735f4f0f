package dev.iamscan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IamViewTest {
  private static SourceRange at(int line) {
    return SourceRange.at("main.tf", line, 1);
  }

  private static Value.Text text(String s, int line) {
    return new Value.Text(s, at(line));
  }

  private static Value.Reference ref(String target, String attr, int line) {
    return new Value.Reference(target, attr, target + "." + attr, at(line));
  }

  private static Value.ObjectValue obj(int line, Object... kv) {
    List<Value.Field> fields = new ArrayList<>();
    for (int i = 0; i < kv.length; i += 2) {
      Value v = (Value) kv[i + 1];
      fields.add(new Value.Field((String) kv[i], v.range(), v));
    }
    return new Value.ObjectValue(fields, at(line));
  }

  private static Resource tf(String type, String name, int line, Object... kv) {
    Value.ObjectValue body = obj(line, kv);
    return new Resource(Format.TERRAFORM, "resource", type, name, ".", body, Value.ObjectValue.empty(at(line)), at(line), List.of());
  }

  private static final String ALLOW_ALL = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\"}]}";
  private static final String ALLOW_RUN = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ec2:RunInstances\", \"Resource\": \"*\"}]}";

  @Test
  void grantsFollowInlineManagedAndGroupMembership() {
    Resource user = tf("aws_iam_user", "dev", 1, "name", text("dev", 2));
    Resource group = tf("aws_iam_group", "ops", 3, "name", text("ops", 4));
    Resource inline = tf("aws_iam_user_policy", "p", 5, "user", ref("aws_iam_user.dev", "name", 6), "policy", text(ALLOW_ALL, 7));
    Resource managed = tf("aws_iam_policy", "run", 8, "policy", text(ALLOW_RUN, 9));
    Resource attach = tf("aws_iam_group_policy_attachment", "a", 10, "group", text("ops", 11), "policy_arn", ref("aws_iam_policy.run", "arn", 12));
    Resource member = tf("aws_iam_user_group_membership", "m", 13, "user", text("dev", 14),
        "groups", new Value.ListValue(List.of(ref("aws_iam_group.ops", "name", 15)), at(15)));
    IamView view = IamView.build(new ResourceModel(List.of(user, group, inline, managed, attach, member)));
    PrincipalRef dev = view.principals().stream().filter(p -> p.resource() == user).findFirst().orElseThrow();
    assertEquals(1, view.groupsOf(dev).size());
    List<String> actions = view.grantsOf(dev).stream()
        .flatMap(g -> g.statement().actions().lowerCaseValues().stream()).sorted().toList();
    assertEquals(List.of("ec2:runinstances", "iam:passrole"), actions);
    assertEquals(user, view.identityPolicies().get(0).attachedTo().get(0).resource());
  }

  @Test
  void awsManagedPolicyNamesInAnyPartition() {
    assertEquals(Optional.of("AdministratorAccess"), ManagedPolicyAttachment.awsManagedName(text("arn:aws-us-gov:iam::aws:policy/AdministratorAccess", 1)));
    assertEquals(Optional.of("AdministratorAccess"), ManagedPolicyAttachment.awsManagedName(
        new Value.Unknown("arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess", at(1))));
    assertEquals(Optional.of("AdministratorAccess"), ManagedPolicyAttachment.awsManagedName(
        new Value.Unknown("\"arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess\"", at(1))));
    assertEquals(Optional.of("AmazonEC2RoleforSSM"), ManagedPolicyAttachment.awsManagedName(text("arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM", 1)));
    assertTrue(ManagedPolicyAttachment.awsManagedName(text("arn:aws:iam::123456789012:policy/AdministratorAccess", 1)).isEmpty());
  }

  @Test
  void trustAndResourcePolicies() {
    Resource role = tf("aws_iam_role", "r", 1, "assume_role_policy", text(ALLOW_ALL, 2),
        "managed_policy_arns", new Value.ListValue(List.of(text("arn:aws:iam::aws:policy/ReadOnlyAccess", 3)), at(3)));
    Resource bucketPolicy = tf("aws_s3_bucket_policy", "b", 4, "bucket", ref("aws_s3_bucket.b", "id", 5), "policy", text(ALLOW_ALL, 6));
    IamView view = IamView.build(new ResourceModel(List.of(role, bucketPolicy)));
    assertEquals(1, view.trustPolicies().size());
    assertEquals(1, view.managedAttachments().size());
    assertEquals("s3", view.resourcePolicies().get(0).service());
    assertEquals(2, view.trustPolicies().get(0).at().startLine());
  }

  @Test
  void resourcePoliciesSayWhatTheyAreAndUserAttachmentsAreRecorded() {
    Resource bucketPolicy = tf("aws_s3_bucket_policy", "b", 1, "bucket", text("b", 2), "policy", text(ALLOW_ALL, 3));
    Resource iot = tf("aws_iot_policy", "i", 4, "policy", text(ALLOW_ALL, 5));
    Resource userPolicy = tf("aws_iam_user_policy", "u", 6, "user", text("dev", 7), "policy", text(ALLOW_ALL, 8));
    Resource attachment = tf("aws_iam_policy_attachment", "a", 9, "policy_arn", text("arn:aws:iam::aws:policy/ReadOnlyAccess", 10),
        "users", new Value.Unknown("var.users", at(11)), "roles", new Value.ListValue(List.of(text("ops", 12)), at(12)));
    IamView view = IamView.build(new ResourceModel(List.of(bucketPolicy, iot, userPolicy, attachment)));
    assertEquals(List.of(ResourcePolicy.Form.RESOURCE, ResourcePolicy.Form.ANY),
        view.resourcePolicies().stream().map(ResourcePolicy::form).toList());
    // The user policy names one user; a user list that is not resolved may be empty and records nothing.
    assertEquals(1, view.userAttachments().size());
    UserAttachment a = view.userAttachments().get(0);
    assertEquals(userPolicy, a.owner());
    assertEquals(UserAttachment.Kind.INLINE, a.kind());
    assertEquals(7, a.at().startLine());
    assertThrows(UnsupportedOperationException.class, () -> view.userAttachments().clear());
    assertThrows(UnsupportedOperationException.class, () -> view.identityPolicies().clear());
  }
}
