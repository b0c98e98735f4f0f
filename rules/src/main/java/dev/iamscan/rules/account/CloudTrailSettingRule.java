package dev.iamscan.rules.account;

import dev.iamscan.model.Resource;
import dev.iamscan.model.Value;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.state.Trail;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting of a CloudTrail trail ({@code aws_cloudtrail}, {@code AWS::CloudTrail::Trail}). Each
 * setting is its own rule (own id, severity and help); they differ only in the attribute they read
 * and what counts as bad, so they share this class.
 */
public final class CloudTrailSettingRule implements Rule {
  /** What makes the setting bad. */
  enum Bad {
    /** Explicitly false; absent takes a safe default. */
    FALSE,
    /** Absent or false: the default is unsafe. */
    FALSE_OR_ABSENT,
    /** Absent or empty: nothing is configured. */
    ABSENT
  }

  /**
   * @param of the setting of a trail this rule reads
   * @param bad what is reported
   * @param problem what the message says is wrong, after the trail's name
   */
  record Setting(RuleMetadata metadata, Function<Trail, dev.iamscan.state.Setting> of, Bad bad, String problem) {}

  private final Setting setting;

  CloudTrailSettingRule(Setting setting) {
    this.setting = setting;
  }

  @Override
  public RuleMetadata metadata() {
    return setting.metadata();
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (Trail trail : context.state().trails()) {
      Resource r = trail.owner();
      dev.iamscan.state.Setting written = setting.of().apply(trail);
      String key = written.name();
      Optional<Value.Field> f = written.written();
      if (f.isEmpty()) {
        // A setting whose absence is safe (or, where the property is required, a template error) is not reported.
        if (setting.bad() == Bad.FALSE) continue;
        report(r, sink, "%s %s (%s is not set)".formatted(r.displayName(), setting.problem(), key), r.headRange(), key + " unset");
        continue;
      }
      Value v = f.get().value();
      Optional<Value> bad = switch (setting.bad()) {
        case FALSE, FALSE_OR_ABSENT -> Settings.certainly(v, Settings::isFalse);
        case ABSENT -> Settings.certainly(v, x -> x instanceof Value.Text t && t.value().isBlank());
      };
      bad.ifPresent(b -> report(r, sink, "%s %s (%s = %s)".formatted(r.displayName(), setting.problem(), key, Settings.shown(b)),
          f.get().keyRange(), key + " = " + Settings.shown(b)));
    }
  }

  private void report(Resource r, FindingSink sink, String message, dev.iamscan.model.SourceRange at, String evidence) {
    RuleMetadata m = setting.metadata();
    sink.report(new Finding(m, m.severity(), message, at, r.address(), evidence, List.of()));
  }

  // ------------------------------------------------------------------ the settings

  private static final String TRAIL_DOCS = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html";

  static final Setting LOGGING = new Setting(RuleMetadata.builder("IAM056", "cloudtrail-logging-disabled")
      .category(Category.AUDIT_LOGGING).severity(Severity.HIGH).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("CloudTrail trail is not logging")
      .description("""
          A trail with logging turned off (`enable_logging = false`, `IsLogging: false`) records \
          nothing: API calls, sign-ins and IAM changes go unrecorded, and an intrusion leaves no \
          trace to investigate.
          """)
      .remediation("remove the setting (Terraform defaults to logging) or set it to `true`.")
      .noncompliant("hcl", """
          resource "aws_cloudtrail" "main" {
            name           = "main"
            s3_bucket_name = aws_s3_bucket.trail.id
            enable_logging = false
          }
          """)
      .compliant("hcl", """
          resource "aws_cloudtrail" "main" {
            name                       = "main"
            s3_bucket_name             = aws_s3_bucket.trail.id
            is_multi_region_trail      = true
            enable_log_file_validation = true
            kms_key_id                 = aws_kms_key.trail.arn
          }
          """)
      .references(TRAIL_DOCS, "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html")
      .build(), Trail::logging, Bad.FALSE, "does not log");

  static final Setting MULTI_REGION = new Setting(RuleMetadata.builder("IAM057", "cloudtrail-single-region")
      .category(Category.AUDIT_LOGGING).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("CloudTrail trail records only one region")
      .description("""
          A single-region trail (`is_multi_region_trail` / `IsMultiRegionTrail` absent or `false`) \
          does not record activity in the other regions, which is where an attacker with stolen \
          credentials starts resources unnoticed.
          """)
      .remediation("set `is_multi_region_trail = true` (`IsMultiRegionTrail: true`).")
      .compliant("yaml", """
          Trail:
            Type: AWS::CloudTrail::Trail
            Properties:
              S3BucketName: !Ref TrailBucket
              IsLogging: true
              IsMultiRegionTrail: true
              EnableLogFileValidation: true
          """)
      .references(TRAIL_DOCS, "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html")
      .build(), Trail::multiRegion, Bad.FALSE_OR_ABSENT,
      "records one region only");

  static final Setting VALIDATION = new Setting(RuleMetadata.builder("IAM058", "cloudtrail-log-validation-disabled")
      .category(Category.AUDIT_LOGGING).severity(Severity.MEDIUM).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("CloudTrail trail does not validate its log files")
      .description("""
          Without log file validation (`enable_log_file_validation` / `EnableLogFileValidation` \
          absent or `false`), CloudTrail writes no signed digest files, so nobody can prove that a \
          log file was not changed or deleted after delivery — exactly what an intruder covering \
          their tracks does.
          """)
      .remediation("set `enable_log_file_validation = true` (`EnableLogFileValidation: true`).")
      .noncompliant("hcl", """
          resource "aws_cloudtrail" "main" {
            name           = "main"
            s3_bucket_name = aws_s3_bucket.trail.id
          }
          """)
      .compliant("hcl", """
          resource "aws_cloudtrail" "main" {
            name                       = "main"
            s3_bucket_name             = aws_s3_bucket.trail.id
            enable_log_file_validation = true
          }
          """)
      .references(TRAIL_DOCS, "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html")
      .build(), Trail::logFileValidation, Bad.FALSE_OR_ABSENT,
      "does not validate its log files");

  static final Setting KMS = new Setting(RuleMetadata.builder("IAM059", "cloudtrail-not-kms-encrypted")
      .category(Category.AUDIT_LOGGING).severity(Severity.LOW).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("CloudTrail logs are not encrypted with a KMS key")
      .description("""
          Without `kms_key_id` (`KMSKeyId`), log files are encrypted with S3-managed keys: anyone \
          who can read the bucket can read the logs. A KMS key adds a second, separately audited \
          permission.
          """)
      .remediation("set `kms_key_id` to a customer managed key whose policy lets CloudTrail encrypt.")
      .compliant("hcl", """
          resource "aws_cloudtrail" "main" {
            name           = "main"
            s3_bucket_name = aws_s3_bucket.trail.id
            kms_key_id     = aws_kms_key.trail.arn
          }
          """)
      .references(TRAIL_DOCS, "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html")
      .build(), Trail::kmsKey, Bad.ABSENT, "is not encrypted with a KMS key");

  static final Setting CLOUDWATCH = new Setting(RuleMetadata.builder("IAM060", "cloudtrail-not-in-cloudwatch")
      .category(Category.AUDIT_LOGGING).severity(Severity.LOW).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("CloudTrail trail does not send events to CloudWatch Logs")
      .description("""
          A trail without `cloud_watch_logs_group_arn` (`CloudWatchLogsLogGroupArn`) delivers to S3 \
          only, so no metric filter or alarm can react to root sign-ins, IAM policy changes or \
          disabled trails while they happen.
          """)
      .remediation("""
          send the trail to a log group (with `cloud_watch_logs_role_arn`) and alarm on the CIS \
          metric filters.
          """)
      .compliant("hcl", """
          resource "aws_cloudtrail" "main" {
            name                       = "main"
            s3_bucket_name             = aws_s3_bucket.trail.id
            cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
            cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn
          }
          """)
      .references(TRAIL_DOCS, "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html")
      .build(), Trail::cloudWatchLogs, Bad.ABSENT,
      "does not send events to CloudWatch Logs");

  static final Setting GLOBAL_EVENTS = new Setting(RuleMetadata.builder("IAM061", "cloudtrail-global-events-excluded")
      .category(Category.AUDIT_LOGGING).severity(Severity.LOW).precision(RuleMetadata.Precision.VERY_HIGH)
      .summary("CloudTrail trail leaves out global service events")
      .description("""
          With `include_global_service_events = false` (`IncludeGlobalServiceEvents: false`) the \
          trail does not record events of global services — IAM, STS and CloudFront — so changes to \
          users, roles and policies are missing from it.
          """)
      .remediation("remove the setting (the default includes them) or set it to `true`.")
      .noncompliant("hcl", """
          resource "aws_cloudtrail" "main" {
            name                          = "main"
            s3_bucket_name                = aws_s3_bucket.trail.id
            include_global_service_events = false
          }
          """)
      .references(TRAIL_DOCS, "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events")
      .build(), Trail::globalServiceEvents, Bad.FALSE,
      "leaves out global service events such as IAM");

  /** IAM056: logging switched off. */
  public static CloudTrailSettingRule logging() {
    return new CloudTrailSettingRule(LOGGING);
  }

  /** IAM057: one region only. */
  public static CloudTrailSettingRule multiRegion() {
    return new CloudTrailSettingRule(MULTI_REGION);
  }

  /** IAM058: log file validation off. */
  public static CloudTrailSettingRule logValidation() {
    return new CloudTrailSettingRule(VALIDATION);
  }

  /** IAM059: no KMS key. */
  public static CloudTrailSettingRule kmsEncryption() {
    return new CloudTrailSettingRule(KMS);
  }

  /** IAM060: no CloudWatch Logs. */
  public static CloudTrailSettingRule cloudWatchLogs() {
    return new CloudTrailSettingRule(CLOUDWATCH);
  }

  /** IAM061: global service events excluded. */
  public static CloudTrailSettingRule globalServiceEvents() {
    return new CloudTrailSettingRule(GLOBAL_EVENTS);
  }
}
