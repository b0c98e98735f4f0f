package dev.iamscan.rules.grants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.SourceRange;
import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.LocatedString;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceConditionKeysTest {
  private static final SourceRange AT = SourceRange.at("p.json", 1, 1);

  private static ConditionClause clause(String operator, String key, String... values) {
    List<LocatedString> v = java.util.Arrays.stream(values).map(s -> new LocatedString(s, AT)).toList();
    return new ConditionClause(operator, key, v, false, AT);
  }

  @Test
  void everyEntryIsWellFormedAndNamesAServiceKey() {
    Map<String, ResourceConditionKeys.Key> all = ResourceConditionKeys.all();
    assertTrue(all.size() >= 10, "" + all.keySet());
    for (ResourceConditionKeys.Key k : all.values()) {
      assertFalse(k.name().toLowerCase().startsWith("aws:"), k.name() + ": global keys do not name a resource");
      assertTrue(k.reference().startsWith("https://docs.aws.amazon.com/service-authorization/"), k.reference());
      assertFalse(k.names().isBlank(), k.name());
    }
  }

  @Test
  void positiveTestsOfSpecificValuesScope() {
    String cluster = "arn:aws:ecs:eu-west-1:123456789012:cluster/app";
    assertEquals("ecs:cluster", ResourceConditionKeys.scopes(clause("ArnEquals", "ecs:cluster", cluster)).orElseThrow().name());
    assertTrue(ResourceConditionKeys.scopes(clause("StringEquals", "ECS:Cluster", cluster)).isPresent());
    assertTrue(ResourceConditionKeys.scopes(clause("ForAnyValue:StringEquals", "kms:ResourceAliases", "alias/app")).isPresent());
    // a computed ARN still names one resource
    assertTrue(ResourceConditionKeys.scopes(new ConditionClause("ArnEquals", "ecs:cluster", List.of(), true, AT)).isPresent());
  }

  @Test
  void testsThatPassWithoutTheKeyOrNameNothingDoNotScope() {
    String cluster = "arn:aws:ecs:eu-west-1:123456789012:cluster/app";
    assertTrue(ResourceConditionKeys.scopes(clause("ArnEqualsIfExists", "ecs:cluster", cluster)).isEmpty());
    assertTrue(ResourceConditionKeys.scopes(clause("ArnNotEquals", "ecs:cluster", cluster)).isEmpty());
    assertTrue(ResourceConditionKeys.scopes(clause("ForAllValues:StringEquals", "kms:ResourceAliases", "alias/app")).isEmpty());
    assertTrue(ResourceConditionKeys.scopes(clause("ForAnyValue:StringEquals", "ecs:cluster", cluster)).isEmpty());
    assertTrue(ResourceConditionKeys.scopes(clause("ArnLike", "ecs:cluster", "arn:aws:ecs:*:123456789012:cluster/*")).isEmpty());
    assertTrue(ResourceConditionKeys.scopes(clause("StringLike", "ecs:cluster", "*")).isEmpty());
    assertTrue(ResourceConditionKeys.scopes(clause("StringEquals", "aws:RequestedRegion", "eu-west-1")).isEmpty());
    assertTrue(ResourceConditionKeys.scopes(clause("ArnEquals", "iam:PolicyARN", "arn:aws:iam::aws:policy/ReadOnlyAccess")).isEmpty());
  }
}
