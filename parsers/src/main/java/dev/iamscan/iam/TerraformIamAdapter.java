package dev.iamscan.iam;

import dev.iamscan.model.Resource;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fills an {@link IamView} from Terraform resources of the AWS provider, one mapping per resource type. */
final class TerraformIamAdapter extends IamViewBuilder {
  /** Terraform resource types that hold a resource policy: attribute, service, attribute naming the target, form. */
  static final Map<String, PolicySlot> RESOURCE_POLICIES = Map.ofEntries(
      Map.entry("aws_s3_bucket_policy", new PolicySlot("policy", "s3", "bucket", ResourcePolicy.Form.RESOURCE)),
      Map.entry("aws_s3_bucket", new PolicySlot("policy", "s3", null, ResourcePolicy.Form.RESOURCE)),
      Map.entry("aws_sqs_queue_policy", new PolicySlot("policy", "sqs", "queue_url", ResourcePolicy.Form.RESOURCE)),
      Map.entry("aws_sqs_queue", new PolicySlot("policy", "sqs", null, ResourcePolicy.Form.RESOURCE)),
      Map.entry("aws_sns_topic_policy", new PolicySlot("policy", "sns", "arn", ResourcePolicy.Form.RESOURCE)),
      Map.entry("aws_sns_topic", new PolicySlot("policy", "sns", null, ResourcePolicy.Form.RESOURCE)),
      Map.entry("aws_kms_key", new PolicySlot("policy", "kms", null, ResourcePolicy.Form.RESOURCE)),
      Map.entry("aws_kms_key_policy", new PolicySlot("policy", "kms", "key_id", ResourcePolicy.Form.RESOURCE)),
      Map.entry("aws_ecr_repository_policy", new PolicySlot("policy", "ecr", "repository", ResourcePolicy.Form.RESOURCE)),
      Map.entry("aws_ecrpublic_repository_policy", new PolicySlot("policy", "ecr-public", "repository_name", ResourcePolicy.Form.ANY)),
      Map.entry("aws_secretsmanager_secret_policy", new PolicySlot("policy", "secretsmanager", "secret_arn", ResourcePolicy.Form.RESOURCE)),
      Map.entry("aws_secretsmanager_secret", new PolicySlot("policy", "secretsmanager", null, ResourcePolicy.Form.RESOURCE)),
      Map.entry("aws_elasticsearch_domain", new PolicySlot("access_policies", "es", null, ResourcePolicy.Form.ANY)),
      Map.entry("aws_elasticsearch_domain_policy", new PolicySlot("access_policies", "es", "domain_name", ResourcePolicy.Form.ANY)),
      Map.entry("aws_opensearch_domain", new PolicySlot("access_policies", "es", null, ResourcePolicy.Form.ANY)),
      Map.entry("aws_opensearch_domain_policy", new PolicySlot("access_policies", "es", "domain_name", ResourcePolicy.Form.ANY)),
      Map.entry("aws_glue_resource_policy", new PolicySlot("policy", "glue", null, ResourcePolicy.Form.RESOURCE)),
      Map.entry("aws_efs_file_system_policy", new PolicySlot("policy", "elasticfilesystem", "file_system_id", ResourcePolicy.Form.RESOURCE)),
      Map.entry("aws_api_gateway_rest_api_policy", new PolicySlot("policy", "execute-api", "rest_api_id", ResourcePolicy.Form.ANY)),
      Map.entry("aws_api_gateway_rest_api", new PolicySlot("policy", "execute-api", null, ResourcePolicy.Form.ANY)),
      Map.entry("aws_cloudwatch_log_destination_policy", new PolicySlot("access_policy", "logs", "destination_name", ResourcePolicy.Form.ANY)),
      Map.entry("aws_cloudwatch_log_resource_policy", new PolicySlot("policy_document", "logs", null, ResourcePolicy.Form.ANY)),
      Map.entry("aws_ses_identity_policy", new PolicySlot("policy", "ses", "identity", ResourcePolicy.Form.ANY)),
      Map.entry("aws_backup_vault_policy", new PolicySlot("policy", "backup", "backup_vault_name", ResourcePolicy.Form.RESOURCE)),
      Map.entry("aws_lambda_function_url", new PolicySlot("", "lambda", null, ResourcePolicy.Form.ANY)),
      Map.entry("aws_s3control_bucket_policy", new PolicySlot("policy", "s3", "bucket", ResourcePolicy.Form.ANY)),
      Map.entry("aws_s3_access_point", new PolicySlot("policy", "s3", "bucket", ResourcePolicy.Form.ANY)),
      Map.entry("aws_media_store_container_policy", new PolicySlot("policy", "mediastore", "container_name", ResourcePolicy.Form.ANY)),
      Map.entry("aws_codeartifact_repository_permissions_policy", new PolicySlot("policy_document", "codeartifact", "repository", ResourcePolicy.Form.ANY)),
      Map.entry("aws_codeartifact_domain_permissions_policy", new PolicySlot("policy_document", "codeartifact", "domain", ResourcePolicy.Form.ANY)),
      Map.entry("aws_schemas_registry_policy", new PolicySlot("policy", "schemas", "registry_name", ResourcePolicy.Form.ANY)),
      Map.entry("aws_cloudwatch_event_bus_policy", new PolicySlot("policy", "events", "event_bus_name", ResourcePolicy.Form.ANY)),
      Map.entry("aws_vpc_endpoint_policy", new PolicySlot("policy", "vpce", "vpc_endpoint_id", ResourcePolicy.Form.ANY)),
      Map.entry("aws_vpc_endpoint", new PolicySlot("policy", "vpce", null, ResourcePolicy.Form.ANY)));

  /**
   * Terraform resource types named like policies whose {@code policy} attribute holds another grammar, not an IAM
   * policy document. OpenSearch Serverless encryption and network security policies are rule sets
   * ({@code Rules}, {@code AWSOwnedKey}, {@code AllowFromPublic}); its data access policies are a list of rule sets
   * ({@code Rules} with {@code Permission}, {@code Principal}) that AWS evaluates by its own rules.
   */
  static final Set<String> OTHER_GRAMMARS = Set.of(
      "aws_opensearchserverless_security_policy",
      "aws_opensearchserverless_access_policy");


  TerraformIamAdapter(IamView view) {
    super(view);
  }

  @Override
  void read(Resource r) {
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
      case "aws_iam_user_policy" -> {
        r.body().field("policy").ifPresent(f -> identity(r, f, false, refs(r, "user", PrincipalKind.USER)));
        toUser(r, "user", UserAttachment.Kind.INLINE, null);
      }
      case "aws_iam_group_policy" -> r.body().field("policy").ifPresent(f ->
          identity(r, f, false, refs(r, "group", PrincipalKind.GROUP)));
      case "aws_iam_policy" -> r.body().field("policy").ifPresent(f -> identity(r, f, true, List.of()));
      case "aws_iam_role_policy_attachment" -> r.body().get("policy_arn").ifPresent(v ->
          managed(r, v, refs(r, "role", PrincipalKind.ROLE)));
      case "aws_iam_user_policy_attachment" -> {
        r.body().get("policy_arn").ifPresent(v -> managed(r, v, refs(r, "user", PrincipalKind.USER)));
        toUser(r, "user", UserAttachment.Kind.MANAGED, r.body().get("policy_arn").orElse(null));
      }
      case "aws_iam_group_policy_attachment" -> r.body().get("policy_arn").ifPresent(v ->
          managed(r, v, refs(r, "group", PrincipalKind.GROUP)));
      case "aws_iam_policy_attachment" -> {
        r.body().get("policy_arn").ifPresent(v -> {
          List<PrincipalRef> to = new ArrayList<>(refs(r, "users", PrincipalKind.USER));
          to.addAll(refs(r, "groups", PrincipalKind.GROUP));
          to.addAll(refs(r, "roles", PrincipalKind.ROLE));
          managed(r, v, to);
        });
        toUsers(r, "users", UserAttachment.Kind.MANAGED, r.body().get("policy_arn").orElse(null));
      }
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
        PolicySlot slot = RESOURCE_POLICIES.get(r.type());
        // Lifecycle policies (aws_ecr_lifecycle_policy, ...) hold rules for expiring data, not IAM grammar.
        if (slot == null && r.type().endsWith("_policy") && !r.type().endsWith("_lifecycle_policy")
            && !OTHER_GRAMMARS.contains(r.type()) && r.body().has("policy")) {
          slot = new PolicySlot("policy", serviceOf(r.type()), null, ResourcePolicy.Form.ANY);
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

  /** An identity of the scan whose name attribute is {@code name}, in the same scope. */
  @Override
  Optional<Resource> findByName(Resource from, PrincipalKind kind, String name) {
    String type = switch (kind) {
      case USER -> "aws_iam_user";
      case GROUP -> "aws_iam_group";
      case ROLE -> "aws_iam_role";
      default -> null;
    };
    return type == null ? Optional.empty() : named(from, type, "name", name);
  }

  @Override
  PrincipalKind kindOf(Resource r, PrincipalKind fallback) {
    return switch (r.type()) {
      case "aws_iam_user" -> PrincipalKind.USER;
      case "aws_iam_group" -> PrincipalKind.GROUP;
      case "aws_iam_role" -> PrincipalKind.ROLE;
      default -> fallback;
    };
  }
}
