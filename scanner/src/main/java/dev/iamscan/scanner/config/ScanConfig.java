package dev.iamscan.scanner.config;

import dev.iamscan.model.ParserLimits;
import dev.iamscan.rules.RuleSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The settings of an {@code .iamscan.yml}; a null or empty value means "not set here", so the
 * command line can override each and defaults fill the rest.
 *
 * @param file where it was read from, or null for no file
 * @param failOn {@code critical|high|medium|low|none}
 * @param minSeverity the lowest severity reported
 * @param baseline a baseline file, relative to the configuration file
 * @param exclude path globs relative to the configuration file's directory
 * @param passwordPolicy the password-policy thresholds set here
 * @param limits the parser bounds set here
 */
public record ScanConfig(Path file, String failOn, String minSeverity, List<String> rules, List<String> skipRules,
    List<String> categories, String baseline, Boolean strictSuppressions, Boolean includeSuppressed,
    List<String> exclude, List<Exception> exceptions, PasswordPolicy passwordPolicy, Limits limits) {

  /** {@code password-policy}: each threshold, or null where the default applies. */
  public record PasswordPolicy(Integer minimumLength, Integer reusePrevention, Integer maxAgeDays) {
    static final PasswordPolicy UNSET = new PasswordPolicy(null, null, null);

    RuleSettings.PasswordPolicy over(RuleSettings.PasswordPolicy defaults) {
      return new RuleSettings.PasswordPolicy(
          minimumLength != null ? minimumLength : defaults.minimumLength(),
          reusePrevention != null ? reusePrevention : defaults.reusePrevention(),
          maxAgeDays != null ? maxAgeDays : defaults.maxAgeDays());
    }
  }

  /**
   * {@code limits}: each parser bound, or null where the default applies. The schema keeps every
   * value inside a range, so none can be turned off and each satisfies {@link ParserLimits}.
   */
  public record Limits(Long maxFileBytes, Integer maxNestingDepth, Integer maxStringLength, Integer maxYamlAliases,
      Integer timeBudgetSeconds, Integer maxEvaluationDepth, Integer maxTemplateDepth, Integer maxCollectionSize,
      Long maxEvaluationSteps, Integer maxDynamicInstances) {
    static final Limits UNSET = new Limits(null, null, null, null, null, null, null, null, null, null);

    ParserLimits over(ParserLimits d) {
      return new ParserLimits(
          maxFileBytes != null ? maxFileBytes : d.maxFileBytes(),
          maxNestingDepth != null ? maxNestingDepth : d.maxNestingDepth(),
          maxStringLength != null ? maxStringLength : d.maxStringLength(),
          maxYamlAliases != null ? maxYamlAliases : d.maxYamlAliases(),
          timeBudgetSeconds != null ? Duration.ofSeconds(timeBudgetSeconds) : d.timeBudget(),
          maxEvaluationDepth != null ? maxEvaluationDepth : d.maxEvaluationDepth(),
          maxTemplateDepth != null ? maxTemplateDepth : d.maxTemplateDepth(),
          maxCollectionSize != null ? maxCollectionSize : d.maxCollectionSize(),
          maxEvaluationSteps != null ? maxEvaluationSteps : d.maxEvaluationSteps(),
          maxDynamicInstances != null ? maxDynamicInstances : d.maxDynamicInstances());
    }
  }

  /**
   * A central exception: a rule accepted for a path or a resource.
   *
   * @param line where it is written in the configuration file
   */
  public record Exception(String rule, String path, String resource, String reason, LocalDate until, int line) {
    public Exception {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(reason, "reason");
    }
  }

  public ScanConfig {
    rules = List.copyOf(rules);
    skipRules = List.copyOf(skipRules);
    categories = List.copyOf(categories);
    exclude = List.copyOf(exclude);
    exceptions = List.copyOf(exceptions);
    if (passwordPolicy == null) passwordPolicy = PasswordPolicy.UNSET;
    if (limits == null) limits = Limits.UNSET;
  }

  public static ScanConfig none() {
    return new ScanConfig(null, null, null, List.of(), List.of(), List.of(), null, null, null, List.of(), List.of(), PasswordPolicy.UNSET,
        Limits.UNSET);
  }

  /** The thresholds rules judge against: what this file sets, the defaults for the rest. */
  public RuleSettings ruleSettings() {
    return new RuleSettings(passwordPolicy.over(RuleSettings.DEFAULTS.passwordPolicy()));
  }

  /** The bounds the parsers work within: what this file sets, the defaults for the rest. */
  public ParserLimits parserLimits() {
    return limits.over(ParserLimits.DEFAULTS);
  }

  /** The directory relative paths of this configuration start from. */
  public Path directory(Path fallback) {
    return file == null ? fallback : file.toAbsolutePath().getParent();
  }
}
