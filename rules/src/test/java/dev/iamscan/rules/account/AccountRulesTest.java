package dev.iamscan.rules.account;

import static dev.iamscan.rules.Models.obj;
import static dev.iamscan.rules.Models.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Models;
import dev.iamscan.rules.ScanContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountRulesTest {
  private static Resource tfIn(String scope, String type, String name, Value.ObjectValue body) {
    return new Resource(Format.TERRAFORM, "resource", type, name, scope, body,
        Value.ObjectValue.empty(body.range()), body.range(), List.of());
  }

  private static List<Finding> run(dev.iamscan.rules.Rule rule, Resource... resources) {
    List<Finding> out = new ArrayList<>();
    rule.check(ScanContext.of(new ResourceModel(List.of(resources))), out::add);
    return out;
  }

  @Test
  void accountScopeIsADirectoryTree() {
    Resource root = tfIn("", "aws_accessanalyzer_analyzer", "a", obj(1));
    Resource prod = tfIn("envs/prod", "aws_cloudtrail", "t", obj(1));
    Resource dev = tfIn("envs/dev", "aws_cloudtrail", "t", obj(1));
    Resource cfnProd = Models.cfn("AWS::CloudTrail::Trail", "T", obj(1));
    assertTrue(AccountScope.sameAccount(root, prod));
    assertFalse(AccountScope.sameAccount(prod, dev));
    assertEquals("", cfnProd.directory());
  }

  @Test
  void analyzerInAnotherEnvironmentDoesNotCount() {
    Resource analyzer = tfIn("envs/dev", "aws_accessanalyzer_analyzer", "a", obj(1));
    Resource trail = tfIn("envs/prod", "aws_cloudtrail", "t", obj(3));
    assertEquals(1, run(new MissingAccessAnalyzerRule(), analyzer, trail).size());
    Resource sameEnv = tfIn("envs/prod/security", "aws_accessanalyzer_analyzer", "b", obj(5));
    assertEquals(0, run(new MissingAccessAnalyzerRule(), analyzer, trail, sameEnv).size());
  }

  @Test
  void unknownPasswordLengthIsNotAGuess() {
    Value.ObjectValue body = obj(2,
        "minimum_password_length", Models.unknown("var.length", 3),
        "require_uppercase_characters", new Value.Bool(true, Models.at("t", 4)),
        "require_lowercase_characters", new Value.Bool(true, Models.at("t", 5)),
        "require_numbers", new Value.Bool(true, Models.at("t", 6)),
        "require_symbols", new Value.Bool(true, Models.at("t", 7)),
        "password_reuse_prevention", new Value.Num("24", Models.at("t", 8)),
        "max_password_age", new Value.Num("90", Models.at("t", 9)),
        "allow_users_to_change_password", new Value.Bool(true, Models.at("t", 10)));
    assertEquals(List.of(), run(new WeakPasswordPolicyRule(), tfIn(".", "aws_iam_account_password_policy", "p", body)));
  }

  @Test
  void conditionalBranchThatDisablesLoggingIsReported() {
    SourceRange at = Models.at("t", 4);
    Value cond = new Value.Conditional("IsProd", new Value.Bool(true, at), new Value.Bool(false, at), at);
    Resource trail = Models.cfn("AWS::CloudTrail::Trail", "Trail", obj(2, "IsLogging", cond, "S3BucketName", text("b", 5)));
    List<Finding> found = new ArrayList<>();
    new CloudTrailSettingRule(CloudTrailSettingRule.LOGGING)
        .check(ScanContext.of(new ResourceModel(List.of(trail))), found::add);
    assertEquals(1, found.size());
    assertEquals(4, found.get(0).location().startLine());
  }
}
