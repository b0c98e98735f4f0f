package dev.iamscan.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.SourceRange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicAccessTest {
  private static final SourceRange AT = SourceRange.at("p.json", 1, 1);

  private static PolicyStatement statement(Effect effect, List<PolicyPrincipal> principals, ConditionClause... conditions) {
    return new PolicyStatement(null, 0, effect, AT,
        new StringSet(true, List.of(new LocatedString("s3:GetObject", AT)), false, AT), false,
        new StringSet(true, List.of(new LocatedString("*", AT)), false, AT), false,
        principals, false, true, false, List.of(conditions), false, AT);
  }

  private static List<PolicyPrincipal> anyone(String type) {
    return List.of(new PolicyPrincipal(type, "*", AT));
  }

  private static ConditionClause cond(String op, String key, String... values) {
    List<LocatedString> v = new ArrayList<>();
    for (String s : values) v.add(new LocatedString(s, AT));
    return new ConditionClause(op, key, v, false, AT);
  }

  @Test
  void plainStarAndAwsStarArePublic() {
    assertTrue(PublicAccess.everyone(statement(Effect.ALLOW, anyone("*"))).isPresent());
    assertTrue(PublicAccess.everyone(statement(Effect.ALLOW, anyone("AWS"))).isPresent());
    assertFalse(PublicAccess.everyone(statement(Effect.ALLOW, anyone("Service"))).isPresent());
    assertFalse(PublicAccess.everyone(statement(Effect.ALLOW,
        List.of(new PolicyPrincipal("AWS", "arn:aws:iam::123456789012:root", AT)))).isPresent());
  }

  @Test
  void denyIsNeverPublic() {
    assertFalse(PublicAccess.everyone(statement(Effect.DENY, anyone("*"))).isPresent());
    assertFalse(PublicAccess.everyone(statement(Effect.MISSING, anyone("*"))).isPresent());
  }

  @Test
  void everyKeyOfTheListLimitsWithAFixedValue() {
    for (String key : List.of("aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount",
        "aws:PrincipalArn", "aws:SourceAccount", "aws:SourceArn", "aws:SourceOwner", "aws:SourceVpc",
        "aws:SourceVpce", "aws:SourceIp", "aws:userid")) {
      assertTrue(PublicAccess.everyone(statement(Effect.ALLOW, anyone("AWS"),
          cond("StringEquals", key, "o-abc123"))).isEmpty(), key);
    }
  }

  @Test
  void negatedIfExistsWildcardAndUnrelatedKeysDoNotLimit() {
    assertTrue(PublicAccess.everyone(statement(Effect.ALLOW, anyone("*"),
        cond("StringNotEquals", "aws:PrincipalOrgID", "o-abc123"))).isPresent());
    assertTrue(PublicAccess.everyone(statement(Effect.ALLOW, anyone("*"),
        cond("StringEqualsIfExists", "aws:SourceVpce", "vpce-1"))).isPresent());
    assertTrue(PublicAccess.everyone(statement(Effect.ALLOW, anyone("*"),
        cond("StringLike", "aws:PrincipalOrgID", "*"))).isPresent());
    assertTrue(PublicAccess.everyone(statement(Effect.ALLOW, anyone("*"),
        cond("IpAddress", "aws:SourceIp", "10.0.0.0/8", "0.0.0.0/0"))).isPresent());
    assertTrue(PublicAccess.everyone(statement(Effect.ALLOW, anyone("*"),
        cond("Bool", "aws:SecureTransport", "true"))).isPresent());
    assertTrue(PublicAccess.everyone(statement(Effect.ALLOW, anyone("*"),
        cond("StringEquals", "aws:ResourceOrgID", "o-abc123"))).isPresent());
    assertTrue(PublicAccess.everyone(statement(Effect.ALLOW, anyone("*"),
        cond("StringEquals", "sts:ExternalId", "secret"))).isPresent());
    assertTrue(PublicAccess.everyone(statement(Effect.ALLOW, anyone("*"),
        cond("Null", "aws:SourceArn", "false"))).isPresent());
  }

  @Test
  void keysAndOperatorsIgnoreCase() {
    assertEquals(true, PublicAccess.everyone(statement(Effect.ALLOW, anyone("*"),
        cond("ForAnyValue:StringLike", "AWS:PRINCIPALORGPATHS", "o-a/r-b/*"))).isEmpty());
    assertTrue(PublicAccess.everyone(statement(Effect.ALLOW, anyone("*"),
        cond("ArnLike", "aws:sourcearn", "arn:aws:sns:us-east-1:123456789012:topic"))).isEmpty());
  }
}
