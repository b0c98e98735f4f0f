package dev.iamscan.rules.exposure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.SourceRange;
import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.Effect;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.policy.StringSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServicePrincipalWithoutSourceRuleTest {
  private static final SourceRange AT = new SourceRange("policy.json", 1, 1, 1, 2);

  @Test
  void recognisesServicePrincipals() {
    assertTrue(ServicePrincipalWithoutSourceRule.isServicePrincipal("s3.amazonaws.com"));
    assertTrue(ServicePrincipalWithoutSourceRule.isServicePrincipal("logs.eu-west-1.amazonaws.com"));
    assertTrue(ServicePrincipalWithoutSourceRule.isServicePrincipal("Events.AmazonAWS.com"));
    assertTrue(ServicePrincipalWithoutSourceRule.isServicePrincipal("sns.amazonaws.com.cn"));
    assertFalse(ServicePrincipalWithoutSourceRule.isServicePrincipal("111122223333"));
    assertFalse(ServicePrincipalWithoutSourceRule.isServicePrincipal("arn:aws:iam::111122223333:root"));
    assertFalse(ServicePrincipalWithoutSourceRule.isServicePrincipal("*.amazonaws.com"));
    assertFalse(ServicePrincipalWithoutSourceRule.isServicePrincipal("${var.service}.amazonaws.com"));
  }

  @Test
  void aSourceConditionWithAFixedValuePinsTheSource() {
    assertTrue(ServicePrincipalWithoutSourceRule.pinsSource(statement(
        clause("ArnLike", "aws:SourceArn", "arn:aws:sns:eu-west-1:111122223333:orders"))));
    assertTrue(ServicePrincipalWithoutSourceRule.pinsSource(statement(
        clause("StringEquals", "AWS:SourceAccount", "111122223333"))));
    assertTrue(ServicePrincipalWithoutSourceRule.pinsSource(statement(
        clause("ArnLike", "kms:EncryptionContext:aws:logs:arn", "arn:aws:logs:eu-west-1:111122223333:log-group:*"))));
  }

  @Test
  void negatedIfExistsWildcardOrUnrelatedConditionsPinNothing() {
    assertFalse(ServicePrincipalWithoutSourceRule.pinsSource(statement()));
    assertFalse(ServicePrincipalWithoutSourceRule.pinsSource(statement(
        clause("StringNotEquals", "aws:SourceAccount", "444455556666"))));
    assertFalse(ServicePrincipalWithoutSourceRule.pinsSource(statement(
        clause("ArnLikeIfExists", "aws:SourceArn", "arn:aws:events:eu-west-1:111122223333:rule/*"))));
    assertFalse(ServicePrincipalWithoutSourceRule.pinsSource(statement(clause("StringLike", "aws:SourceArn", "*"))));
    assertFalse(ServicePrincipalWithoutSourceRule.pinsSource(statement(
        clause("StringLike", "kms:EncryptionContext:aws:logs:arn", "*"))));
    assertFalse(ServicePrincipalWithoutSourceRule.pinsSource(statement(
        clause("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control"))));
  }

  private static ConditionClause clause(String operator, String key, String value) {
    return new ConditionClause(operator, key, List.of(new LocatedString(value, AT)), false, AT);
  }

  private static PolicyStatement statement(ConditionClause... conditions) {
    return new PolicyStatement(null, 0, Effect.ALLOW, AT, new StringSet(true, List.of(new LocatedString("sns:Publish", AT)), false, AT),
        false, new StringSet(true, List.of(new LocatedString("*", AT)), false, AT), false, List.of(), false, true, false,
        List.of(conditions), false, AT);
  }
}
