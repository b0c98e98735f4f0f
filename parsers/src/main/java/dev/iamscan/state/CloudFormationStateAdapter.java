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
import java.util.regex.Pattern;

/** Reads the typed state of CloudFormation resources (AWS resource types and Properties). */
final class CloudFormationStateAdapter {
  /** The resource types of concerns, for messages about one that is missing. */
  static final Map<Class<?>, String> TYPE_NAMES = Map.of(AccessAnalyzer.class, "AWS::AccessAnalyzer::Analyzer");

  /** The public-access settings by their CloudFormation names. */
  private static final Map<BucketIndex.PublicAccessSetting, String> NAMES = Map.of(
      BucketIndex.PublicAccessSetting.BLOCK_PUBLIC_ACLS, "BlockPublicAcls",
      BucketIndex.PublicAccessSetting.BLOCK_PUBLIC_POLICY, "BlockPublicPolicy",
      BucketIndex.PublicAccessSetting.IGNORE_PUBLIC_ACLS, "IgnorePublicAcls",
      BucketIndex.PublicAccessSetting.RESTRICT_PUBLIC_BUCKETS, "RestrictPublicBuckets");

  private final ResourceModel model;
  private final StateView out;
  private final List<Resource> instanceResources = new ArrayList<>();
  private final List<Resource> templateResources = new ArrayList<>();
  private final List<Resource> serviceUsers = new ArrayList<>();
  private final List<Resource> mfaDevices = new ArrayList<>();
  /** Resources and outputs whose content others can read, checked once every access key is read. */
  private final List<Resource> placeResources = new ArrayList<>();
  private static final Set<String> PLACES = Set.of("AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration",
      "AWS::EC2::LaunchTemplate", "AWS::Lambda::Function", "AWS::Serverless::Function", "AWS::ECS::TaskDefinition",
      "AWS::SSM::Parameter", "AWS::CodeBuild::Project", "AWS::ElasticBeanstalk::Environment");
  /** {@code ${Key}} and {@code ${Key.SecretAccessKey}} in a Fn::Sub or Fn::Join the scan could not resolve. */
  private static final Pattern KEY_IN_TEXT = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.([A-Za-z0-9]+))?\\}");

  private final List<BucketIndex.Bucket> buckets = new ArrayList<>();
  private final List<BucketIndex.AccessBlock> blocks = new ArrayList<>();

  CloudFormationStateAdapter(ResourceModel model, StateView out) {
    this.model = model;
    this.out = out;
  }

  /** The buckets read. */
  List<BucketIndex.Bucket> buckets() {
    return buckets;
  }

  /** The public-access blocks read: each bucket's own configuration. */
  List<BucketIndex.AccessBlock> accessBlocks() {
    return blocks;
  }

  void read(Resource r) {
    Value.ObjectValue p = r.body();
    if (r.kind().equals("output") || PLACES.contains(r.type())) placeResources.add(r);
    if (!r.kind().equals("resource")) return;
    switch (r.type()) {
      case "AWS::CloudTrail::Trail" -> out.trails.add(new Trail(r, Setting.of(p, "IsLogging"),
          Setting.of(p, "IsMultiRegionTrail"), Setting.of(p, "EnableLogFileValidation"), Setting.of(p, "KMSKeyId"),
          Setting.of(p, "CloudWatchLogsLogGroupArn"), Setting.of(p, "IncludeGlobalServiceEvents")));
      case "AWS::IAM::User" -> loginProfile(r);
      case "AWS::IAM::AccessKey" -> out.accessKeys.add(new AccessKey(r, Setting.of(p, "UserName"), Setting.of(p, "Status")));
      case "AWS::Lambda::Permission" -> out.permissions.add(new ResourcePermission(r, "lambda",
          Setting.of(p, "Principal"), Setting.of(p, "Action"), Setting.of(p, "FunctionName"),
          List.of(Setting.of(p, "SourceArn"), Setting.of(p, "SourceAccount"), Setting.of(p, "PrincipalOrgID"),
              Setting.of(p, "EventSourceToken"))));
      case "AWS::Organizations::Organization" -> out.organizations.add(new Organization(r, Setting.of(p, "FeatureSet")));
      case "AWS::AccessAnalyzer::Analyzer" -> out.analyzers.add(new AccessAnalyzer(r));
      case "AWS::IAM::VirtualMFADevice" -> mfaDevices.add(r);
      case "AWS::IAM::InstanceProfile" -> out.instanceProfiles.add(new InstanceProfile(r, Setting.of(p, "InstanceProfileName"), Setting.of(p, "Roles")));
      case "AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration" -> instanceResources.add(r);
      case "AWS::EC2::LaunchTemplate" -> templateResources.add(r);
      case "AWS::EKS::Nodegroup", "AWS::Batch::ComputeEnvironment" -> serviceUsers.add(r);
      case "AWS::S3::Bucket" -> {
        buckets.add(new BucketIndex.Bucket(r, p.string("BucketName")));
        p.field("PublicAccessBlockConfiguration").ifPresent(f -> {
          if (f.value() instanceof Value.ObjectValue o) blocks.add(new BucketIndex.AccessBlock(r, false, null, o, NAMES, f.keyRange()));
        });
      }
      case "AWS::IAM::OIDCProvider" -> out.oidcProviders.put(r, new OidcProvider(r, Setting.of(p, "Url")));
      case "AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain" -> {
        Setting vpc = Setting.of(p, "VPCOptions");
        out.searchDomains.add(new SearchDomain(r, Setting.of(p, "DomainName"), vpc, Values.placedInVpc(vpc, "SubnetIds")));
      }
      default -> { }
    }
  }

  /** Links what refers to other resources, once every resource of the model is read. */
  void link() {
    readablePlaces();
    for (BucketIndex.Bucket b : buckets) {
      Resource r = b.owner();
      out.bucketAcls.add(new BucketAcl(r, r, out.buckets.blocksFor(r, null), Setting.of(r.body(), "AccessControl"), List.of()));
    }
    Set<Resource> serviceManaged = serviceManagedTemplates();
    Map<Resource, LaunchTemplate> templates = new IdentityHashMap<>();
    for (Resource t : templateResources) {
      Value.ObjectValue data = t.body().object("LaunchTemplateData").orElse(null);
      LaunchTemplate lt = new LaunchTemplate(t, namesProfile(t), serviceManaged.contains(t), Setting.of(data, "UserData"));
      templates.put(t, lt);
      out.launchTemplates.add(lt);
    }
    for (Resource r : instanceResources) {
      boolean configuration = r.type().equals("AWS::AutoScaling::LaunchConfiguration");
      Optional<Value.ObjectValue> spec = configuration ? Optional.empty() : r.body().object("LaunchTemplate");
      Optional<LaunchTemplate> template = spec.flatMap(s -> Values.firstReferenced(model, r, s, CloudFormationStateAdapter::isLaunchTemplate))
          .map(templates::get);
      out.instances.add(new Instance(r, configuration, Setting.of(r.body(), "IamInstanceProfile"), spec.isPresent(),
          template, Setting.of(r.body(), "UserData")));
    }
    for (Resource d : mfaDevices) {
      List<Resource> users = new ArrayList<>();
      for (Value v : d.body().get("Users").map(Value::elements).orElse(List.of())) {
        if (v instanceof Value.Reference ref) model.resolve(d, ref).ifPresent(users::add);
        if (v.scalar().isPresent()) {
          for (Resource u : model.ofType("AWS::IAM::User")) {
            if (u.body().string("UserName").map(v.scalar().get()::equals).orElse(false)) users.add(u);
          }
        }
      }
      out.mfaDevices.add(new MfaDevice(d, users));
    }
  }

  /** Where the content of each readable place uses an access key's credentials. */
  private void readablePlaces() {
    KeyUseFinder finder = new KeyUseFinder(model, out.accessKeys, CloudFormationStateAdapter::keyPart, KEY_IN_TEXT);
    for (Resource r : placeResources) {
      Value.ObjectValue p = r.body();
      if (r.kind().equals("output")) {
        place(finder, r, ReadablePlace.Kind.STACK_OUTPUT, Setting.of(p, "Value"));
        continue;
      }
      switch (r.type()) {
        case "AWS::EC2::Instance" -> place(finder, r, ReadablePlace.Kind.INSTANCE_USER_DATA, Setting.of(p, "UserData"));
        case "AWS::AutoScaling::LaunchConfiguration" ->
            place(finder, r, ReadablePlace.Kind.LAUNCH_CONFIGURATION_USER_DATA, Setting.of(p, "UserData"));
        case "AWS::EC2::LaunchTemplate" -> place(finder, r, ReadablePlace.Kind.LAUNCH_TEMPLATE_USER_DATA,
            Setting.of(p.object("LaunchTemplateData").orElse(null), "UserData"));
        case "AWS::Lambda::Function", "AWS::Serverless::Function" ->
            place(finder, r, ReadablePlace.Kind.FUNCTION_ENVIRONMENT, Setting.of(p, "Environment"));
        case "AWS::ECS::TaskDefinition" -> place(finder, r, ReadablePlace.Kind.CONTAINER_DEFINITIONS, Setting.of(p, "ContainerDefinitions"));
        case "AWS::CodeBuild::Project" -> {
          for (Value.ObjectValue variable : p.object("Environment").map(e -> e.blocks("EnvironmentVariables")).orElse(List.of())) {
            if (Values.missing(variable, "Type") || variable.string("Type").map("PLAINTEXT"::equals).orElse(false)) {
              place(finder, r, ReadablePlace.Kind.BUILD_ENVIRONMENT, Setting.of(variable, "Value"));
            }
          }
        }
        case "AWS::ElasticBeanstalk::Environment" -> place(finder, r, ReadablePlace.Kind.BEANSTALK_SETTINGS, Setting.of(p, "OptionSettings"));
        // CloudFormation creates String and StringList parameters only: never encrypted.
        case "AWS::SSM::Parameter" -> place(finder, r, ReadablePlace.Kind.STRING_PARAMETER, Setting.of(p, "Value"));
        default -> { }
      }
    }
  }

  private void place(KeyUseFinder finder, Resource r, ReadablePlace.Kind kind, Setting content) {
    if (content.written().isEmpty()) return;
    out.readablePlaces.add(new ReadablePlace(r, kind, content, finder.find(r, content)));
  }

  /** The credential an attribute of an {@code AWS::IAM::AccessKey} is: {@code Ref} gives the id. */
  private static ReadablePlace.Part keyPart(String attribute) {
    if (attribute == null) return ReadablePlace.Part.ID;
    return attribute.equals("SecretAccessKey") ? ReadablePlace.Part.SECRET : null;
  }

  /** The {@code LoginProfile} of a user, when written. */
  private void loginProfile(Resource r) {
    Optional<Value.Field> lp = Setting.of(r.body(), "LoginProfile").written();
    if (lp.isEmpty()) return;
    Value.ObjectValue settings = lp.get().value() instanceof Value.ObjectValue o
        ? o : Value.ObjectValue.empty(lp.get().keyRange());
    out.loginProfiles.add(new LoginProfile(r, new PrincipalRef(PrincipalKind.USER, r, r.displayName(), r.headRange()),
        lp.get().keyRange(), "LoginProfile of " + r.displayName(), Setting.of(settings, "PasswordResetRequired"),
        Setting.absent("PasswordLength"), Setting.of(settings, "Password")));
  }

  /**
   * Whether a launch template names an instance profile: empty when its data is not known (a
   * {@code LaunchTemplateData} from an unresolved expression).
   */
  private static Optional<Boolean> namesProfile(Resource template) {
    Optional<Value> data = template.body().get("LaunchTemplateData");
    if (data.isEmpty()) return Optional.of(false);
    if (!(data.get() instanceof Value.ObjectValue o)) {
      return data.get().isKnown() ? Optional.of(false) : Optional.empty();
    }
    Optional<Value> profile = o.get("IamInstanceProfile");
    if (profile.isEmpty()) return Optional.of(false);
    if (profile.get() instanceof Value.ObjectValue p) {
      return Optional.of(!(Values.missing(p, "Arn") && Values.missing(p, "Name")));
    }
    return Optional.of(!Values.certainlyEmpty(profile.get()));
  }

  private static boolean isLaunchTemplate(Resource r) {
    return r.type().equals("AWS::EC2::LaunchTemplate");
  }

  /** Launch templates that EKS managed node groups and Batch compute environments use. */
  private Set<Resource> serviceManagedTemplates() {
    Set<Resource> managed = new HashSet<>();
    for (Resource user : serviceUsers) {
      Values.addReferenced(model, user, CloudFormationStateAdapter::isLaunchTemplate, managed);
      if (Values.unknownField(user.body(), "LaunchTemplate", 0)) {
        Values.addInSameScope(model, user, CloudFormationStateAdapter::isLaunchTemplate, managed);
      }
    }
    return managed;
  }
}
