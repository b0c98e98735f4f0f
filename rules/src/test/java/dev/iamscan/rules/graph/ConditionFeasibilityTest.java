package dev.iamscan.rules.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.SourceRange;
import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.Effect;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.policy.StringSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionFeasibilityTest {
  private static final SourceRange AT = SourceRange.at("p.json", 1, 1);
  private static final ConditionFeasibility AT_2026 = new ConditionFeasibility(Instant.parse("2026-01-01T00:00:00Z"));

  private static ConditionClause clause(String op, String key, String value) {
    return new ConditionClause(op, key, List.of(new LocatedString(value, AT)), false, AT);
  }

  private static PolicyStatement with(ConditionClause... clauses) {
    StringSet all = new StringSet(true, List.of(new LocatedString("*", AT)), false, AT);
    return new PolicyStatement(null, 0, Effect.ALLOW, AT, all, false, all, false, List.of(), false, false, false,
        List.of(clauses), false, AT);
  }

  @Test
  void datesInThePastNeverHold() {
    assertTrue(AT_2026.neverHolds(with(clause("DateLessThan", "aws:CurrentTime", "2020-01-01T00:00:00Z"))).isPresent());
    assertTrue(AT_2026.neverHolds(with(clause("DateLessThanEquals", "aws:TokenIssueTime", "2019-06-30"))).isPresent());
    assertFalse(AT_2026.neverHolds(with(clause("DateLessThan", "aws:CurrentTime", "2030-01-01T00:00:00Z"))).isPresent());
    // Other keys, other operators, IfExists: they may hold.
    assertFalse(AT_2026.neverHolds(with(clause("DateGreaterThan", "aws:CurrentTime", "2020-01-01T00:00:00Z"))).isPresent());
    assertFalse(AT_2026.neverHolds(with(clause("DateLessThan", "aws:EpochTime", "2020-01-01T00:00:00Z"))).isPresent());
    assertFalse(AT_2026.neverHolds(with(clause("DateLessThanIfExists", "aws:CurrentTime", "2020-01-01T00:00:00Z"))).isPresent());
  }

  @Test
  void contradictoryBoolAndNullTests() {
    assertTrue(AT_2026.neverHolds(with(clause("Bool", "aws:SecureTransport", "true"),
        clause("Bool", "aws:SecureTransport", "false"))).isPresent());
    assertTrue(AT_2026.neverHolds(with(clause("Null", "aws:SourceIp", "true"),
        clause("Null", "aws:SourceIp", "false"))).isPresent());
    assertTrue(AT_2026.neverHolds(with(clause("Null", "aws:MultiFactorAuthPresent", "true"),
        clause("Bool", "aws:MultiFactorAuthPresent", "true"))).isPresent());
    assertFalse(AT_2026.neverHolds(with(clause("Bool", "aws:SecureTransport", "true"),
        clause("Null", "aws:SecureTransport", "false"))).isPresent());
    assertFalse(AT_2026.neverHolds(with(clause("Bool", "aws:MultiFactorAuthPresent", "true"))).isPresent());
  }
}
