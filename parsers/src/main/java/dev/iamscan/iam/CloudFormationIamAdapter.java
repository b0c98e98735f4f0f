package dev.iamscan.iam;

import dev.iamscan.model.Resource;
import dev.iamscan.model.Value;
import dev.iamscan.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fills an {@link IamView} from CloudFormation (and SAM) resources, one mapping per resource type. */
final class CloudFormationIamAdapter extends IamViewBuilder {
  /** CloudFormation types that hold a resource policy: property, service, property naming the target. */
  static final Map<String, PolicySlot> RESOURCE_POLICIES = Map.ofEntries(
      Map.entry("AWS::S3::BucketPolicy", new PolicySlot("PolicyDocument", "s3", "Bucket", ResourcePolicy.Form.RESOURCE)),
      Map.entry("AWS::SQS::QueuePolicy", new PolicySlot("PolicyDocument", "sqs", "Queues", ResourcePolicy.Form.RESOURCE)),
      Map.entry("AWS::SNS::TopicPolicy", new PolicySlot("PolicyDocument", "sns", "Topics", ResourcePolicy.Form.RESOURCE)),
      Map.entry("AWS::KMS::Key", new PolicySlot("KeyPolicy", "kms", null, ResourcePolicy.Form.RESOURCE)),
      Map.entry("AWS::ECR::Repository", new PolicySlot("RepositoryPolicyText", "ecr", null, ResourcePolicy.Form.RESOURCE)),
      Map.entry("AWS::ECR::PublicRepository", new PolicySlot("RepositoryPolicyText", "ecr-public", null, ResourcePolicy.Form.ANY)),
      Map.entry("AWS::SecretsManager::ResourcePolicy", new PolicySlot("ResourcePolicy", "secretsmanager", "SecretId", ResourcePolicy.Form.RESOURCE)),
      Map.entry("AWS::Elasticsearch::Domain", new PolicySlot("AccessPolicies", "es", null, ResourcePolicy.Form.ANY)),
      Map.entry("AWS::OpenSearchService::Domain", new PolicySlot("AccessPolicies", "es", null, ResourcePolicy.Form.ANY)),
      Map.entry("AWS::Logs::Destination", new PolicySlot("DestinationPolicy", "logs", null, ResourcePolicy.Form.ANY)),
      Map.entry("AWS::Logs::ResourcePolicy", new PolicySlot("PolicyDocument", "logs", null, ResourcePolicy.Form.ANY)),
      Map.entry("AWS::EFS::FileSystem", new PolicySlot("FileSystemPolicy", "elasticfilesystem", null, ResourcePolicy.Form.RESOURCE)),
      Map.entry("AWS::ApiGateway::RestApi", new PolicySlot("Policy", "execute-api", null, ResourcePolicy.Form.ANY)),
      Map.entry("AWS::Backup::BackupVault", new PolicySlot("AccessPolicy", "backup", null, ResourcePolicy.Form.RESOURCE)),
      Map.entry("AWS::Events::EventBusPolicy", new PolicySlot("Statement", "events", null, ResourcePolicy.Form.STATEMENT)),
      Map.entry("AWS::S3::AccessPoint", new PolicySlot("Policy", "s3", "Bucket", ResourcePolicy.Form.ANY)),
      Map.entry("AWS::EC2::VPCEndpoint", new PolicySlot("PolicyDocument", "vpce", null, ResourcePolicy.Form.ANY)),
      Map.entry("AWS::CodeArtifact::Repository", new PolicySlot("PermissionsPolicyDocument", "codeartifact", null, ResourcePolicy.Form.ANY)));


  CloudFormationIamAdapter(IamView view) {
    super(view);
  }

  @Override
  void read(Resource r) {
    switch (r.type()) {
      case "AWS::IAM::User" -> {
        PrincipalRef user = self(r, PrincipalKind.USER);
        view.addPrincipal(user);
        inlinePolicies(r, List.of(user));
        r.body().get("ManagedPolicyArns").ifPresent(v -> managed(r, v, List.of(user)));
        for (PrincipalRef g : refs(r, "Groups", PrincipalKind.GROUP)) view.addMembership(user, g);
        String label = r.body().string("UserName").map(s -> "\"" + s + "\"").orElse(r.name());
        for (Value p : present(r.body().get("Policies").orElse(null))) {
          Value name = p.asObject().flatMap(o -> o.get("PolicyName")).orElse(null);
          view.addUserAttachment(new UserAttachment(r, null, label,
              p.asObject().flatMap(o -> o.field("PolicyName")).map(Value.Field::range).orElse(p.range()),
              UserAttachment.Kind.NAMED_INLINE, name,
              p.asObject().flatMap(o -> o.field("PolicyDocument")).map(Value.Field::range).orElse(null)));
        }
        for (Value arn : present(r.body().get("ManagedPolicyArns").orElse(null))) {
          view.addUserAttachment(new UserAttachment(r, null, label, arn.range(), UserAttachment.Kind.MANAGED_ON_USER, arn));
        }
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
      case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> {
        boolean managed = r.type().equals("AWS::IAM::ManagedPolicy");
        r.body().field("PolicyDocument").ifPresent(f -> {
          List<PrincipalRef> to = new ArrayList<>(refs(r, "Users", PrincipalKind.USER));
          to.addAll(refs(r, "Groups", PrincipalKind.GROUP));
          to.addAll(refs(r, "Roles", PrincipalKind.ROLE));
          identity(r, f, managed, to);
        });
        toUsers(r, "Users", managed ? UserAttachment.Kind.OWNER_MANAGED : UserAttachment.Kind.INLINE, null);
      }
      case "AWS::IAM::RolePolicy" -> r.body().field("PolicyDocument").ifPresent(f ->
          identity(r, f, false, refs(r, "RoleName", PrincipalKind.ROLE)));
      case "AWS::IAM::UserPolicy" -> {
        r.body().field("PolicyDocument").ifPresent(f -> identity(r, f, false, refs(r, "UserName", PrincipalKind.USER)));
        toUser(r, "UserName", UserAttachment.Kind.INLINE, null);
      }
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
        PolicySlot slot = RESOURCE_POLICIES.get(r.type());
        if (slot != null) resourcePolicy(r, slot);
      }
    }
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


  /** An identity of the scan whose name property is {@code name}, in the same template. */
  @Override
  Optional<Resource> findByName(Resource from, PrincipalKind kind, String name) {
    return switch (kind) {
      case USER -> named(from, "AWS::IAM::User", "UserName", name);
      case GROUP -> named(from, "AWS::IAM::Group", "GroupName", name);
      case ROLE -> named(from, "AWS::IAM::Role", "RoleName", name);
      default -> Optional.empty();
    };
  }

  @Override
  PrincipalKind kindOf(Resource r, PrincipalKind fallback) {
    return switch (r.type()) {
      case "AWS::IAM::User" -> PrincipalKind.USER;
      case "AWS::IAM::Group" -> PrincipalKind.GROUP;
      case "AWS::IAM::Role" -> PrincipalKind.ROLE;
      default -> fallback;
    };
  }
}
