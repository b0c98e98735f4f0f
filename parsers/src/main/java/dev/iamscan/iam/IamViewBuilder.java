package dev.iamscan.iam;

import dev.iamscan.model.Resource;
import dev.iamscan.model.Value;
import dev.iamscan.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fills an {@link IamView} from the resources of a model, one mapping per resource type. */
final class IamViewBuilder {
  /** Terraform resource types that hold a resource policy: attribute, service, attribute naming the target. */
  private record PolicySlot(String attribute, String service, String target) {}

  private static final Map<String, PolicySlot> TF_RESOURCE_POLICIES = Map.ofEntries(
      Map.entry("aws_s3_bucket_policy", new PolicySlot("policy", "s3", "bucket")),
      Map.entry("aws_s3_bucket", new PolicySlot("policy", "s3", null)),
      Map.entry("aws_sqs_queue_policy", new PolicySlot("policy", "sqs", "queue_url")),
      Map.entry("aws_sqs_queue", new PolicySlot("policy", "sqs", null)),
      Map.entry("aws_sns_topic_policy", new PolicySlot("policy", "sns", "arn")),
      Map.entry("aws_sns_topic", new PolicySlot("policy", "sns", null)),
      Map.entry("aws_kms_key", new PolicySlot("policy", "kms", null)),
      Map.entry("aws_kms_key_policy", new PolicySlot("policy", "kms", "key_id")),
      Map.entry("aws_ecr_repository_policy", new PolicySlot("policy", "ecr", "repository")),
      Map.entry("aws_ecrpublic_repository_policy", new PolicySlot("policy", "ecr-public", "repository_name")),
      Map.entry("aws_secretsmanager_secret_policy", new PolicySlot("policy", "secretsmanager", "secret_arn")),
      Map.entry("aws_secretsmanager_secret", new PolicySlot("policy", "secretsmanager", null)),
      Map.entry("aws_elasticsearch_domain", new PolicySlot("access_policies", "es", null)),
      Map.entry("aws_elasticsearch_domain_policy", new PolicySlot("access_policies", "es", "domain_name")),
      Map.entry("aws_opensearch_domain", new PolicySlot("access_policies", "es", null)),
      Map.entry("aws_opensearch_domain_policy", new PolicySlot("access_policies", "es", "domain_name")),
      Map.entry("aws_glue_resource_policy", new PolicySlot("policy", "glue", null)),
      Map.entry("aws_efs_file_system_policy", new PolicySlot("policy", "elasticfilesystem", "file_system_id")),
      Map.entry("aws_api_gateway_rest_api_policy", new PolicySlot("policy", "execute-api", "rest_api_id")),
      Map.entry("aws_api_gateway_rest_api", new PolicySlot("policy", "execute-api", null)),
      Map.entry("aws_cloudwatch_log_destination_policy", new PolicySlot("access_policy", "logs", "destination_name")),
      Map.entry("aws_cloudwatch_log_resource_policy", new PolicySlot("policy_document", "logs", null)),
      Map.entry("aws_ses_identity_policy", new PolicySlot("policy", "ses", "identity")),
      Map.entry("aws_backup_vault_policy", new PolicySlot("policy", "backup", "backup_vault_name")),
      Map.entry("aws_lambda_function_url", new PolicySlot("", "lambda", null)),
      Map.entry("aws_s3control_bucket_policy", new PolicySlot("policy", "s3", "bucket")),
      Map.entry("aws_s3_access_point", new PolicySlot("policy", "s3", "bucket")),
      Map.entry("aws_media_store_container_policy", new PolicySlot("policy", "mediastore", "container_name")),
      Map.entry("aws_codeartifact_repository_permissions_policy", new PolicySlot("policy_document", "codeartifact", "repository")),
      Map.entry("aws_codeartifact_domain_permissions_policy", new PolicySlot("policy_document", "codeartifact", "domain")),
      Map.entry("aws_schemas_registry_policy", new PolicySlot("policy", "schemas", "registry_name")),
      Map.entry("aws_cloudwatch_event_bus_policy", new PolicySlot("policy", "events", "event_bus_name")),
      Map.entry("aws_vpc_endpoint_policy", new PolicySlot("policy", "vpce", "vpc_endpoint_id")),
      Map.entry("aws_vpc_endpoint", new PolicySlot("policy", "vpce", null)));

  /** CloudFormation types that hold a resource policy: property, service, property naming the target. */
  private static final Map<String, PolicySlot> CFN_RESOURCE_POLICIES = Map.ofEntries(
      Map.entry("AWS::S3::BucketPolicy", new PolicySlot("PolicyDocument", "s3", "Bucket")),
      Map.entry("AWS::SQS::QueuePolicy", new PolicySlot("PolicyDocument", "sqs", "Queues")),
      Map.entry("AWS::SNS::TopicPolicy", new PolicySlot("PolicyDocument", "sns", "Topics")),
      Map.entry("AWS::KMS::Key", new PolicySlot("KeyPolicy", "kms", null)),
      Map.entry("AWS::ECR::Repository", new PolicySlot("RepositoryPolicyText", "ecr", null)),
      Map.entry("AWS::ECR::PublicRepository", new PolicySlot("RepositoryPolicyText", "ecr-public", null)),
      Map.entry("AWS::SecretsManager::ResourcePolicy", new PolicySlot("ResourcePolicy", "secretsmanager", "SecretId")),
      Map.entry("AWS::Elasticsearch::Domain", new PolicySlot("AccessPolicies", "es", null)),
      Map.entry("AWS::OpenSearchService::Domain", new PolicySlot("AccessPolicies", "es", null)),
      Map.entry("AWS::Logs::Destination", new PolicySlot("DestinationPolicy", "logs", null)),
      Map.entry("AWS::Logs::ResourcePolicy", new PolicySlot("PolicyDocument", "logs", null)),
      Map.entry("AWS::EFS::FileSystem", new PolicySlot("FileSystemPolicy", "elasticfilesystem", null)),
      Map.entry("AWS::ApiGateway::RestApi", new PolicySlot("Policy", "execute-api", null)),
      Map.entry("AWS::Backup::BackupVault", new PolicySlot("AccessPolicy", "backup", null)),
      Map.entry("AWS::Events::EventBusPolicy", new PolicySlot("Statement", "events", null)),
      Map.entry("AWS::S3::AccessPoint", new PolicySlot("Policy", "s3", "Bucket")),
      Map.entry("AWS::EC2::VPCEndpoint", new PolicySlot("PolicyDocument", "vpce", null)),
      Map.entry("AWS::CodeArtifact::Repository", new PolicySlot("PermissionsPolicyDocument", "codeartifact", null)));

  private final IamView view;

  IamViewBuilder(IamView view) {
    this.view = view;
  }

  void build() {
    for (Resource r : view.model().resources()) {
      if (!r.kind().equals("resource")) continue;
      if (IamView.isCloudFormation(r)) cloudFormation(r);
      else terraform(r);
    }
  }

  // ---------------------------------------------------------------- Terraform

  private void terraform(Resource r) {
    switch (r.type()) {
      case "aws_iam_user" -> view.addPrincipal(self(r, PrincipalKind.USER));
      case "aws_iam_group" -> view.addPrincipal(self(r, PrincipalKind.GROUP));
      case "aws_iam_role" -> {
        PrincipalRef role = self(r, PrincipalKind.ROLE);
        view.addPrincipal(role);
        r.body().field("assume_role_policy").ifPresent(f ->
            view.addTrust(new TrustPolicy(view.read(f.value(), r), r, f.range())));
        for (Value.Field f : r.body().all("inline_policy")) {
          if (f.value() instanceof Value.ObjectValue ip) {
            ip.field("policy").ifPresent(pf -> identity(r, pf, false, List.of(role)));
          }
        }
        r.body().field("managed_policy_arns").ifPresent(f -> managed(r, f.value(), List.of(role)));
      }
      case "aws_iam_role_policy" -> r.body().field("policy").ifPresent(f ->
          identity(r, f, false, refs(r, "role", PrincipalKind.ROLE)));
      case "aws_iam_user_policy" -> r.body().field("policy").ifPresent(f ->
          identity(r, f, false, refs(r, "user", PrincipalKind.USER)));
      case "aws_iam_group_policy" -> r.body().field("policy").ifPresent(f ->
          identity(r, f, false, refs(r, "group", PrincipalKind.GROUP)));
      case "aws_iam_policy" -> r.body().field("policy").ifPresent(f -> identity(r, f, true, List.of()));
      case "aws_iam_role_policy_attachment" -> r.body().get("policy_arn").ifPresent(v ->
          managed(r, v, refs(r, "role", PrincipalKind.ROLE)));
      case "aws_iam_user_policy_attachment" -> r.body().get("policy_arn").ifPresent(v ->
          managed(r, v, refs(r, "user", PrincipalKind.USER)));
      case "aws_iam_group_policy_attachment" -> r.body().get("policy_arn").ifPresent(v ->
          managed(r, v, refs(r, "group", PrincipalKind.GROUP)));
      case "aws_iam_policy_attachment" -> r.body().get("policy_arn").ifPresent(v -> {
        List<PrincipalRef> to = new ArrayList<>(refs(r, "users", PrincipalKind.USER));
        to.addAll(refs(r, "groups", PrincipalKind.GROUP));
        to.addAll(refs(r, "roles", PrincipalKind.ROLE));
        managed(r, v, to);
      });
      case "aws_iam_user_group_membership" -> {
        for (PrincipalRef u : refs(r, "user", PrincipalKind.USER)) {
          for (PrincipalRef g : refs(r, "groups", PrincipalKind.GROUP)) view.addMembership(u, g);
        }
      }
      case "aws_iam_group_membership" -> {
        for (PrincipalRef g : refs(r, "group", PrincipalKind.GROUP)) {
          for (PrincipalRef u : refs(r, "users", PrincipalKind.USER)) view.addMembership(u, g);
        }
      }
      case "aws_organizations_policy" -> {
        if (isControlPolicy(r.body().get("type").orElse(null))) {
          r.body().field("content").ifPresent(f ->
              view.addServiceControlPolicy(new ServiceControlPolicy(view.read(f.value(), r), r, f.range())));
        }
      }
      case "aws_ssoadmin_permission_set" -> view.addPrincipal(self(r, PrincipalKind.PERMISSION_SET));
      case "aws_ssoadmin_permission_set_inline_policy" -> r.body().field("inline_policy").ifPresent(f ->
          identity(r, f, false, refs(r, "permission_set_arn", PrincipalKind.PERMISSION_SET)));
      case "aws_ssoadmin_managed_policy_attachment" -> r.body().get("managed_policy_arn").ifPresent(v ->
          managed(r, v, refs(r, "permission_set_arn", PrincipalKind.PERMISSION_SET)));
      default -> {
        PolicySlot slot = TF_RESOURCE_POLICIES.get(r.type());
        // Lifecycle policies (aws_ecr_lifecycle_policy, ...) hold rules for expiring data, not IAM grammar.
        if (slot == null && r.type().endsWith("_policy") && !r.type().endsWith("_lifecycle_policy")
            && r.body().has("policy")) {
          slot = new PolicySlot("policy", serviceOf(r.type()), null);
        }
        if (slot != null && !slot.attribute().isEmpty()) resourcePolicy(r, slot);
      }
    }
  }

  private static String serviceOf(String tfType) {
    String t = tfType.startsWith("aws_") ? tfType.substring(4) : tfType;
    int u = t.indexOf('_');
    return u > 0 ? t.substring(0, u) : t;
  }

  // ---------------------------------------------------------- CloudFormation

  private void cloudFormation(Resource r) {
    switch (r.type()) {
      case "AWS::IAM::User" -> {
        PrincipalRef user = self(r, PrincipalKind.USER);
        view.addPrincipal(user);
        inlinePolicies(r, List.of(user));
        r.body().get("ManagedPolicyArns").ifPresent(v -> managed(r, v, List.of(user)));
        for (PrincipalRef g : refs(r, "Groups", PrincipalKind.GROUP)) view.addMembership(user, g);
      }
      case "AWS::IAM::Group" -> {
        PrincipalRef group = self(r, PrincipalKind.GROUP);
        view.addPrincipal(group);
        inlinePolicies(r, List.of(group));
        r.body().get("ManagedPolicyArns").ifPresent(v -> managed(r, v, List.of(group)));
      }
      case "AWS::IAM::Role" -> {
        PrincipalRef role = self(r, PrincipalKind.ROLE);
        view.addPrincipal(role);
        r.body().field("AssumeRolePolicyDocument").ifPresent(f ->
            view.addTrust(new TrustPolicy(view.read(f.value(), r), r, f.range())));
        inlinePolicies(r, List.of(role));
        r.body().get("ManagedPolicyArns").ifPresent(v -> managed(r, v, List.of(role)));
      }
      case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> r.body().field("PolicyDocument").ifPresent(f -> {
        List<PrincipalRef> to = new ArrayList<>(refs(r, "Users", PrincipalKind.USER));
        to.addAll(refs(r, "Groups", PrincipalKind.GROUP));
        to.addAll(refs(r, "Roles", PrincipalKind.ROLE));
        identity(r, f, r.type().equals("AWS::IAM::ManagedPolicy"), to);
      });
      case "AWS::IAM::RolePolicy" -> r.body().field("PolicyDocument").ifPresent(f ->
          identity(r, f, false, refs(r, "RoleName", PrincipalKind.ROLE)));
      case "AWS::IAM::UserPolicy" -> r.body().field("PolicyDocument").ifPresent(f ->
          identity(r, f, false, refs(r, "UserName", PrincipalKind.USER)));
      case "AWS::IAM::GroupPolicy" -> r.body().field("PolicyDocument").ifPresent(f ->
          identity(r, f, false, refs(r, "GroupName", PrincipalKind.GROUP)));
      case "AWS::IAM::UserToGroupAddition" -> {
        for (PrincipalRef g : refs(r, "GroupName", PrincipalKind.GROUP)) {
          for (PrincipalRef u : refs(r, "Users", PrincipalKind.USER)) view.addMembership(u, g);
        }
      }
      case "AWS::Serverless::Function", "AWS::Serverless::StateMachine" -> samPolicies(r);
      case "AWS::Organizations::Policy" -> {
        if (isControlPolicy(r.body().get("Type").orElse(null))) {
          r.body().field("Content").ifPresent(f ->
              view.addServiceControlPolicy(new ServiceControlPolicy(view.read(f.value(), r), r, f.range())));
        }
      }
      case "AWS::SSO::PermissionSet" -> {
        PrincipalRef ps = self(r, PrincipalKind.PERMISSION_SET);
        view.addPrincipal(ps);
        r.body().field("InlinePolicy").ifPresent(f -> identity(r, f, false, List.of(ps)));
        r.body().get("ManagedPolicies").ifPresent(v -> managed(r, v, List.of(ps)));
      }
      default -> {
        PolicySlot slot = CFN_RESOURCE_POLICIES.get(r.type());
        if (slot != null) resourcePolicy(r, slot);
      }
    }
  }

  /**
   * Service and resource control policies use the IAM grammar; tag, backup and other Organizations
   * policy types do not. Terraform's default type is a service control policy; an unresolved type
   * is not read, to avoid checking another grammar by mistake.
   */
  private static boolean isControlPolicy(Value type) {
    if (type == null) return true;
    return type.scalar().map(t -> t.equals("SERVICE_CONTROL_POLICY") || t.equals("RESOURCE_CONTROL_POLICY"))
        .orElse(false);
  }

  private void inlinePolicies(Resource r, List<PrincipalRef> to) {
    for (Value.ObjectValue p : r.body().blocks("Policies")) {
      p.field("PolicyDocument").ifPresent(f -> identity(r, f, false, to));
    }
  }

  /** SAM {@code Policies}: managed policy names or ARNs, policy documents, or policy templates. */
  private void samPolicies(Resource r) {
    Optional<Value.Field> pf = r.body().field("Policies");
    if (pf.isEmpty()) return;
    PrincipalRef fn = new PrincipalRef(PrincipalKind.FUNCTION_ROLE, r, r.displayName(), r.headRange());
    view.addPrincipal(fn);
    for (Value v : pf.get().value().elements()) {
      if (v instanceof Value.Text t) {
        Value arn = ManagedPolicyAttachment.isBareName(t.value())
            ? new Value.Text("arn:aws:iam::aws:policy/" + t.value(), t.range())
            : t;
        view.addManaged(new ManagedPolicyAttachment(arn, r, t.range(), List.of(fn)));
      } else if (v instanceof Value.ObjectValue o && o.has("Statement")) {
        PolicyDocument d = view.read(o, r);
        view.addIdentity(new IdentityPolicy(d, r, o.range(), false, List.of(fn)));
      } else if (!v.isKnown()) {
        view.addManaged(new ManagedPolicyAttachment(v, r, v.range(), List.of(fn)));
      }
      // Other objects are SAM policy templates, which AWS scopes to the named resources.
    }
  }

  // ------------------------------------------------------------------ shared

  private void identity(Resource r, Value.Field f, boolean managed, List<PrincipalRef> to) {
    view.addIdentity(new IdentityPolicy(view.read(f.value(), r), r, f.range(), managed, to));
  }

  private void managed(Resource r, Value v, List<PrincipalRef> to) {
    for (Value arn : v.elements()) {
      if (arn instanceof Value.Null) continue;
      view.addManaged(new ManagedPolicyAttachment(arn, r, arn.range(), to));
    }
  }

  private void resourcePolicy(Resource r, PolicySlot slot) {
    Optional<Value.Field> f = r.body().field(slot.attribute());
    if (f.isEmpty()) return;
    Value target = slot.target() == null ? null : r.body().get(slot.target()).orElse(null);
    view.addResourcePolicy(new ResourcePolicy(view.read(f.get().value(), r), r, slot.service(), target, f.get().range()));
  }

  private static PrincipalRef self(Resource r, PrincipalKind kind) {
    return new PrincipalRef(kind, r, r.displayName(), r.headRange());
  }

  /** The identities an attribute names: references to resources of the scan, or names. */
  private List<PrincipalRef> refs(Resource from, String key, PrincipalKind kind) {
    Optional<Value> v = from.body().get(key);
    if (v.isEmpty()) return List.of();
    List<PrincipalRef> out = new ArrayList<>();
    for (Value item : v.get().elements()) {
      if (item instanceof Value.Null) continue;
      if (item instanceof Value.Reference ref) {
        Optional<Resource> target = view.resolve(from, ref);
        out.add(target.map(t -> new PrincipalRef(kindOf(t, kind), t, t.displayName(), item.range()))
            .orElseGet(() -> new PrincipalRef(kind, null, ref.expression(), item.range())));
      } else if (item.scalar().isPresent()) {
        String name = item.scalar().get();
        Optional<Resource> byName = findByName(from, kind, name);
        out.add(byName.map(t -> new PrincipalRef(kind, t, t.displayName(), item.range()))
            .orElseGet(() -> new PrincipalRef(kind, null, name, item.range())));
      } else {
        String text = item instanceof Value.Unknown u ? u.expression() : "(unresolved)";
        out.add(new PrincipalRef(kind, null, text, item.range()));
      }
    }
    return out;
  }

  private static PrincipalKind kindOf(Resource r, PrincipalKind fallback) {
    return switch (r.type()) {
      case "aws_iam_user", "AWS::IAM::User" -> PrincipalKind.USER;
      case "aws_iam_group", "AWS::IAM::Group" -> PrincipalKind.GROUP;
      case "aws_iam_role", "AWS::IAM::Role" -> PrincipalKind.ROLE;
      default -> fallback;
    };
  }

  /** An identity of the scan whose name attribute is {@code name}, in the same scope. */
  private Optional<Resource> findByName(Resource from, PrincipalKind kind, String name) {
    List<String> types;
    String attr;
    if (IamView.isCloudFormation(from)) {
      types = switch (kind) {
        case USER -> List.of("AWS::IAM::User");
        case GROUP -> List.of("AWS::IAM::Group");
        case ROLE -> List.of("AWS::IAM::Role");
        default -> List.of();
      };
      attr = switch (kind) {
        case USER -> "UserName";
        case GROUP -> "GroupName";
        default -> "RoleName";
      };
    } else {
      types = switch (kind) {
        case USER -> List.of("aws_iam_user");
        case GROUP -> List.of("aws_iam_group");
        case ROLE -> List.of("aws_iam_role");
        default -> List.of();
      };
      attr = "name";
    }
    for (String t : types) {
      for (Resource c : view.model().ofType(t)) {
        if (c.scope().equals(from.scope()) && c.body().string(attr).map(name::equals).orElse(false)) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }
}
