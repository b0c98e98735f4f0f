package dev.iamscan.state;

import dev.iamscan.iam.BucketIndex;
import dev.iamscan.iam.PrincipalKind;
import dev.iamscan.iam.PrincipalRef;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the typed state of Terraform resources (AWS provider types and arguments). */
final class TerraformStateAdapter {
  /** The terraform-aws-modules S3 bucket module, whose acl and public-access inputs are checked as written. */
  private static final String S3_MODULE = "terraform-aws-modules/s3-bucket";
  /** The public-access settings by their Terraform names. */
  private static final Map<BucketIndex.PublicAccessSetting, String> NAMES = Map.of(
      BucketIndex.PublicAccessSetting.BLOCK_PUBLIC_ACLS, "block_public_acls",
      BucketIndex.PublicAccessSetting.BLOCK_PUBLIC_POLICY, "block_public_policy",
      BucketIndex.PublicAccessSetting.IGNORE_PUBLIC_ACLS, "ignore_public_acls",
      BucketIndex.PublicAccessSetting.RESTRICT_PUBLIC_BUCKETS, "restrict_public_buckets");
  private static final Pattern LAUNCH_TEMPLATE_ADDRESS =
      Pattern.compile("\\baws_launch_template\\.([A-Za-z_][A-Za-z0-9_-]*)");

  /** The resource types of concerns, for messages about one that is missing. */
  static final Map<Class<?>, String> TYPE_NAMES = Map.of(PasswordPolicy.class, "aws_iam_account_password_policy", AccessAnalyzer.class, "aws_accessanalyzer_analyzer");

  private final ResourceModel model;
  private final StateView out;
  /** Instances and launch templates read so far, linked once every resource is read. */
  private final List<Resource> instanceResources = new ArrayList<>();
  private final List<Resource> templateResources = new ArrayList<>();
  private final List<Resource> serviceUsers = new ArrayList<>();

  private final List<BucketIndex.Bucket> buckets = new ArrayList<>();
  private final List<BucketIndex.AccessBlock> bucketBlocks = new ArrayList<>();
  private final List<BucketIndex.AccessBlock> accountBlocks = new ArrayList<>();
  /** Buckets and ACL resources, whose ACLs are read once every bucket and block is known. */
  private final List<Resource> aclResources = new ArrayList<>();
  private final List<Resource> modules = new ArrayList<>();
  /** Resources and root outputs whose content others can read, checked once every access key is read. */
  private final List<Resource> placeResources = new ArrayList<>();
  private static final Set<String> PLACES = Set.of("aws_instance", "aws_launch_configuration", "aws_launch_template",
      "aws_s3_object", "aws_s3_bucket_object", "aws_lambda_function", "aws_ecs_task_definition", "aws_ssm_parameter",
      "aws_codebuild_project", "aws_elastic_beanstalk_environment", "aws_dynamodb_table_item");

  TerraformStateAdapter(ResourceModel model, StateView out) {
    this.model = model;
    this.out = out;
  }

  /** The buckets read. */
  List<BucketIndex.Bucket> buckets() {
    return buckets;
  }

  /** The public-access blocks read: every bucket's, then the account's. */
  List<BucketIndex.AccessBlock> accessBlocks() {
    List<BucketIndex.AccessBlock> all = new ArrayList<>(bucketBlocks);
    all.addAll(accountBlocks);
    return all;
  }

  void read(Resource r) {
    if (r.kind().equals("module")) {
      modules.add(r);
      return;
    }
    // Types read whatever the block kind, as the rules always have.
    switch (r.type()) {
      case "aws_lambda_permission" -> out.permissions.add(new ResourcePermission(r, "lambda",
          Setting.of(r.body(), "principal"), Setting.of(r.body(), "action"), Setting.of(r.body(), "function_name"),
          List.of(Setting.of(r.body(), "source_arn"), Setting.of(r.body(), "source_account"),
              Setting.of(r.body(), "principal_org_id"), Setting.of(r.body(), "event_source_token"))));
      case "aws_organizations_organization" -> out.organizations.add(new Organization(r, Setting.of(r.body(), "feature_set")));
      case "aws_eks_node_group", "aws_batch_compute_environment" -> serviceUsers.add(r);
      case "aws_s3_bucket" -> {
        buckets.add(new BucketIndex.Bucket(r, r.body().string("bucket")));
        aclResources.add(r);
      }
      case "aws_s3_bucket_acl" -> aclResources.add(r);
      case "aws_s3_bucket_public_access_block" -> bucketBlocks.add(new BucketIndex.AccessBlock(r, false,
          r.body().get("bucket").orElseGet(() -> new Value.Null(r.headRange())), r.body(), NAMES, r.headRange()));
      case "aws_s3_account_public_access_block" -> accountBlocks.add(
          new BucketIndex.AccessBlock(r, true, null, r.body(), NAMES, r.headRange()));
      case "aws_iam_openid_connect_provider" -> out.oidcProviders.put(r, new OidcProvider(r, Setting.of(r.body(), "url")));
      default -> { }
    }
    if (r.kind().equals("output") && r.moduleCalls().isEmpty()) placeResources.add(r);
    if (!r.kind().equals("resource")) return;
    if (PLACES.contains(r.type())) placeResources.add(r);
    if (r.type().equals("aws_opensearch_domain") || r.type().equals("aws_elasticsearch_domain")) {
      Setting vpc = Setting.of(r.body(), "vpc_options");
      out.searchDomains.add(new SearchDomain(r, Setting.of(r.body(), "domain_name"), vpc, Values.placedInVpc(vpc, "subnet_ids")));
    }
    switch (r.type()) {
      case "aws_iam_account_password_policy" -> out.passwordPolicies.add(new PasswordPolicy(r,
          Setting.of(r.body(), "minimum_password_length"), Setting.of(r.body(), "password_reuse_prevention"),
          Setting.of(r.body(), "max_password_age"), Setting.of(r.body(), "require_uppercase_characters"),
          Setting.of(r.body(), "require_lowercase_characters"), Setting.of(r.body(), "require_numbers"),
          Setting.of(r.body(), "require_symbols"), Setting.of(r.body(), "allow_users_to_change_password")));
      case "aws_cloudtrail" -> out.trails.add(new Trail(r, Setting.of(r.body(), "enable_logging"),
          Setting.of(r.body(), "is_multi_region_trail"), Setting.of(r.body(), "enable_log_file_validation"),
          Setting.of(r.body(), "kms_key_id"), Setting.of(r.body(), "cloud_watch_logs_group_arn"),
          Setting.of(r.body(), "include_global_service_events")));
      case "aws_iam_user_login_profile" -> out.loginProfiles.add(new LoginProfile(r, userOf(r), r.headRange(),
          "login profile " + r.displayName(), Setting.of(r.body(), "password_reset_required"),
          Setting.of(r.body(), "password_length"), Setting.absent("password")));
      case "aws_iam_access_key" -> out.accessKeys.add(new AccessKey(r, Setting.of(r.body(), "user"), Setting.of(r.body(), "status")));
      case "aws_accessanalyzer_analyzer" -> out.analyzers.add(new AccessAnalyzer(r));
      case "aws_iam_instance_profile" -> out.instanceProfiles.add(new InstanceProfile(r, Setting.of(r.body(), "name"), Setting.of(r.body(), "role")));
      case "aws_instance", "aws_launch_configuration" -> instanceResources.add(r);
      case "aws_launch_template" -> templateResources.add(r);
      default -> { }
    }
  }

  /** Links what refers to other resources, once every resource of the model is read. */
  void link() {
    readablePlaces();
    for (Resource r : aclResources) {
      if (r.type().equals("aws_s3_bucket")) bucket(r);
      else bucketAcl(r);
    }
    for (Resource m : modules) module(m);
    unreadModules();
    Set<Resource> serviceManaged = serviceManagedTemplates();
    Map<Resource, LaunchTemplate> templates = new IdentityHashMap<>();
    for (Resource t : templateResources) {
      LaunchTemplate lt = new LaunchTemplate(t, namesProfile(t), serviceManaged.contains(t), Setting.of(t.body(), "user_data"));
      templates.put(t, lt);
      out.launchTemplates.add(lt);
    }
    for (Resource r : instanceResources) {
      boolean configuration = r.type().equals("aws_launch_configuration");
      Optional<Value.ObjectValue> spec = configuration ? Optional.empty() : r.body().blocks("launch_template").stream().findFirst();
      Optional<LaunchTemplate> template = spec.flatMap(s -> Values.firstReferenced(model, r, s, TerraformStateAdapter::isLaunchTemplate))
          .map(templates::get);
      out.instances.add(new Instance(r, configuration, Setting.of(r.body(), "iam_instance_profile"), spec.isPresent(),
          template, Setting.of(r.body(), "user_data")));
    }
  }

  /** Where the content of each readable place uses an access key's credentials. */
  private void readablePlaces() {
    KeyUseFinder finder = new KeyUseFinder(model, out.accessKeys, TerraformStateAdapter::keyPart, null);
    for (Resource r : placeResources) {
      Value.ObjectValue b = r.body();
      if (r.kind().equals("output")) {
        // A sensitive output is still in the state, but kept out of plans and logs; unknown is not a guess.
        Optional<Value> sensitive = b.get("sensitive");
        if (sensitive.isPresent() && !(sensitive.get() instanceof Value.Bool bool && !bool.value())) continue;
        place(finder, r, ReadablePlace.Kind.MODULE_OUTPUT, Setting.of(b, "value"));
        continue;
      }
      switch (r.type()) {
        case "aws_instance" -> {
          place(finder, r, ReadablePlace.Kind.INSTANCE_USER_DATA, Setting.of(b, "user_data"));
          place(finder, r, ReadablePlace.Kind.INSTANCE_USER_DATA, Setting.of(b, "user_data_base64"));
        }
        case "aws_launch_configuration" -> {
          place(finder, r, ReadablePlace.Kind.LAUNCH_CONFIGURATION_USER_DATA, Setting.of(b, "user_data"));
          place(finder, r, ReadablePlace.Kind.LAUNCH_CONFIGURATION_USER_DATA, Setting.of(b, "user_data_base64"));
        }
        case "aws_launch_template" -> place(finder, r, ReadablePlace.Kind.LAUNCH_TEMPLATE_USER_DATA, Setting.of(b, "user_data"));
        case "aws_s3_object", "aws_s3_bucket_object" -> {
          place(finder, r, ReadablePlace.Kind.OBJECT_CONTENT, Setting.of(b, "content"));
          place(finder, r, ReadablePlace.Kind.OBJECT_CONTENT, Setting.of(b, "content_base64"));
        }
        case "aws_lambda_function" -> place(finder, r, ReadablePlace.Kind.FUNCTION_ENVIRONMENT, Setting.of(b, "environment"));
        case "aws_ecs_task_definition" -> place(finder, r, ReadablePlace.Kind.CONTAINER_DEFINITIONS, Setting.of(b, "container_definitions"));
        case "aws_codebuild_project" -> {
          for (Value.ObjectValue env : b.blocks("environment")) {
            for (Value.ObjectValue variable : env.blocks("environment_variable")) {
              // PARAMETER_STORE and SECRETS_MANAGER variables hold a name, read at build time.
              if (Values.missing(variable, "type") || variable.string("type").map("PLAINTEXT"::equals).orElse(false)) {
                place(finder, r, ReadablePlace.Kind.BUILD_ENVIRONMENT, Setting.of(variable, "value"));
              }
            }
          }
        }
        case "aws_elastic_beanstalk_environment" -> {
          for (Value.Field f : b.all("setting")) place(finder, r, ReadablePlace.Kind.BEANSTALK_SETTINGS, new Setting("setting", Optional.of(f)));
        }
        case "aws_dynamodb_table_item" -> place(finder, r, ReadablePlace.Kind.TABLE_ITEM, Setting.of(b, "item"));
        case "aws_ssm_parameter" -> {
          // Only a type known to be plain text: a SecureString is encrypted, an unknown type is not a guess.
          String type = b.string("type").orElse("");
          if (type.equals("String") || type.equals("StringList")) {
            place(finder, r, ReadablePlace.Kind.STRING_PARAMETER, Setting.of(b, "value"));
            place(finder, r, ReadablePlace.Kind.STRING_PARAMETER, Setting.of(b, "insecure_value"));
          }
        }
        default -> { }
      }
    }
  }

  private void place(KeyUseFinder finder, Resource r, ReadablePlace.Kind kind, Setting content) {
    if (content.written().isEmpty()) return;
    out.readablePlaces.add(new ReadablePlace(r, kind, content, finder.find(r, content)));
  }

  /** The credential an attribute of {@code aws_iam_access_key} is. */
  private static ReadablePlace.Part keyPart(String attribute) {
    if (attribute == null) return null;
    return switch (attribute) {
      case "secret" -> ReadablePlace.Part.SECRET;
      case "ses_smtp_password_v4" -> ReadablePlace.Part.SMTP_PASSWORD;
      case "id" -> ReadablePlace.Part.ID;
      default -> null;
    };
  }

  private void bucket(Resource r) {
    List<BucketAcl.Grant> grants = new ArrayList<>();
    for (Value.ObjectValue g : r.body().blocks("grant")) {
      grants.add(new BucketAcl.Grant(g.get("type").orElse(null), g.get("uri").orElse(null), g.get("permissions").orElse(null)));
    }
    out.bucketAcls.add(new BucketAcl(r, r, out.buckets.blocksFor(r, null), Setting.of(r.body(), "acl"), grants));
  }

  private void bucketAcl(Resource r) {
    Value target = r.body().get("bucket").orElse(null);
    Resource bucket = out.buckets.bucket(r, target).orElse(null);
    List<BucketAcl.Grant> grants = new ArrayList<>();
    for (Value.ObjectValue acp : r.body().blocks("access_control_policy")) {
      for (Value.ObjectValue g : acp.blocks("grant")) {
        for (Value.ObjectValue grantee : g.blocks("grantee")) {
          grants.add(new BucketAcl.Grant(grantee.get("type").orElse(null), grantee.get("uri").orElse(null),
              g.get("permission").orElse(null)));
        }
      }
    }
    out.bucketAcls.add(new BucketAcl(r, bucket, out.buckets.blocksFor(r, target), Setting.of(r.body(), "acl"), grants));
  }

  /** Calls of remote modules that produced no resource: their module was not downloaded. */
  private void unreadModules() {
    Set<String> instantiated = new HashSet<>();
    for (Resource r : model.resources()) {
      for (dev.iamscan.model.ModuleCall c : r.moduleCalls()) instantiated.add(c.callerScope() + "\u0000" + c.callName());
    }
    for (Resource m : modules) {
      Optional<String> source = m.body().string("source");
      boolean local = source.map(s -> s.startsWith("./") || s.startsWith("../")).orElse(true);
      if (local || instantiated.contains(m.scope() + "\u0000" + m.address())) continue;
      out.unreadModules.add(new UnreadModule(m, Setting.of(m.body(), "source")));
    }
  }

  /** The S3 bucket module passes its acl input to an ACL resource, and its public-access inputs to a block. */
  private void module(Resource m) {
    if (!m.body().string("source").map(s -> s.contains(S3_MODULE)).orElse(false)) return;
    Setting acl = Setting.of(m.body(), "acl");
    if (acl.field().isPresent()) out.bucketAcls.add(new BucketAcl(m, null, List.of(), acl, List.of()));
    for (BucketIndex.PublicAccessSetting s : BucketIndex.PublicAccessSetting.values()) {
      m.body().field(NAMES.get(s)).ifPresent(f -> out.moduleAccessSettings.add(new StateView.ModuleAccessSetting(m, s, f)));
    }
  }

  /** The user a login profile names, resolved the way the IAM view resolves attachments. */
  private PrincipalRef userOf(Resource profile) {
    Optional<Value> v = profile.body().get("user");
    if (v.isEmpty()) return new PrincipalRef(PrincipalKind.USER, null, "(no user)", profile.headRange());
    Value user = v.get();
    if (user instanceof Value.Reference ref) {
      return model.resolve(profile, ref)
          .map(t -> new PrincipalRef(PrincipalKind.USER, t, t.displayName(), user.range()))
          .orElseGet(() -> new PrincipalRef(PrincipalKind.USER, null, ref.expression(), user.range()));
    }
    if (user.scalar().isPresent()) {
      String name = user.scalar().get();
      for (Resource u : model.ofType("aws_iam_user")) {
        if (u.scope().equals(profile.scope()) && u.body().string("name").map(name::equals).orElse(false)) {
          return new PrincipalRef(PrincipalKind.USER, u, u.displayName(), user.range());
        }
      }
      return new PrincipalRef(PrincipalKind.USER, null, name, user.range());
    }
    String text = user instanceof Value.Unknown u ? u.expression() : "(unresolved)";
    return new PrincipalRef(PrincipalKind.USER, null, text, user.range());
  }

  /** Whether a launch template names an instance profile (its data is always known in Terraform). */
  private static Optional<Boolean> namesProfile(Resource template) {
    Optional<Value> block = template.body().get("iam_instance_profile");
    if (block.isEmpty()) return Optional.of(false);
    if (block.get() instanceof Value.ObjectValue o) {
      return Optional.of(!(Values.missing(o, "arn") && Values.missing(o, "name")));
    }
    return Optional.of(!Values.certainlyEmpty(block.get()));
  }

  /** The launch template of the scan a {@code launch_template} block refers to. */
  private static boolean isLaunchTemplate(Resource r) {
    return r.type().equals("aws_launch_template");
  }

  /**
   * Launch templates that EKS managed node groups and Batch compute environments use: those services
   * give the instances their role, and EKS refuses a template that names a profile.
   */
  private Set<Resource> serviceManagedTemplates() {
    Set<Resource> managed = new HashSet<>();
    for (Resource user : serviceUsers) {
      Values.addReferenced(model, user, TerraformStateAdapter::isLaunchTemplate, managed);
      // try(aws_launch_template.this[0].id, var.launch_template_id) stays unresolved, but still
      // names the template it prefers.
      for (String address : mentionedLaunchTemplates(user.body(), 0)) {
        model.lookup(user.scope(), address).filter(TerraformStateAdapter::isLaunchTemplate).ifPresent(managed::add);
      }
      // A launch_template block the evaluator could not expand (a dynamic block over an unknown
      // for_each, as in node group modules whose create flag comes from the caller) names no
      // template we can follow; the templates the same module instance defines are its own.
      if (Values.unknownField(user.body(), "launch_template", 0)) {
        Values.addInSameScope(model, user, TerraformStateAdapter::isLaunchTemplate, managed);
      }
    }
    return managed;
  }

  private static Set<String> mentionedLaunchTemplates(Value v, int depth) {
    Set<String> found = new HashSet<>();
    if (depth > 16) return found;
    if (v instanceof Value.Unknown u) {
      Matcher m = LAUNCH_TEMPLATE_ADDRESS.matcher(u.expression());
      while (m.find()) found.add("aws_launch_template." + m.group(1));
    } else if (v instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) found.addAll(mentionedLaunchTemplates(f.value(), depth + 1));
    } else if (v instanceof Value.ListValue l) {
      for (Value i : l.items()) found.addAll(mentionedLaunchTemplates(i, depth + 1));
    }
    return found;
  }
}
