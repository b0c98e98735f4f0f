package dev.iamscan.rules.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.SourceRange;
import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.Effect;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyDocument;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.policy.StringSet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SameDocumentDenyTest {
  private static final SourceRange AT = SourceRange.at("p.json", 1, 1);

  private static StringSet set(String... values) {
    return new StringSet(true, Arrays.stream(values).map(v -> new LocatedString(v, AT)).toList(), false, AT);
  }

  private static PolicyStatement st(Effect effect, StringSet actions, boolean notAction, StringSet resources,
      boolean notResource, List<ConditionClause> conditions) {
    return new PolicyStatement(null, 0, effect, AT, actions, notAction, resources, notResource, List.of(), false,
        false, false, conditions, false, AT);
  }

  private static PolicyStatement allow(String action, String... resources) {
    return st(Effect.ALLOW, set(action), false, set(resources), false, List.of());
  }

  private static PolicyStatement deny(String action, String... resources) {
    return st(Effect.DENY, set(action), false, set(resources), false, List.of());
  }

  @Test
  void aDenyCoveringEveryActionAndResourceCancels() {
    assertTrue(SameDocumentDeny.cancels(deny("*", "*"), allow("iam:PassRole", "*")));
    assertTrue(SameDocumentDeny.cancels(deny("iam:Pass*", "*"), allow("iam:PassRole", "arn:aws:iam::1:role/x")));
    assertTrue(SameDocumentDeny.cancels(deny("s3:*", "arn:aws:s3:::b/*"), allow("s3:Get*", "arn:aws:s3:::b/logs/*")));
    // A NotAction Deny cancels an action that none of its entries matches.
    assertTrue(SameDocumentDeny.cancels(st(Effect.DENY, set("iam:Get*"), true, set("*"), false, List.of()),
        allow("iam:PassRole", "*")));
    PolicyDocument doc = new PolicyDocument(List.of(allow("iam:PassRole", "*"), deny("iam:*", "*")), false, List.of(), AT,
        List.of());
    assertTrue(SameDocumentDeny.withoutCancelled(doc).statements().stream().noneMatch(s -> s.effect() == Effect.ALLOW));
  }

  @Test
  void aPartialOrConditionalDenyCancelsNothing() {
    assertFalse(SameDocumentDeny.cancels(deny("iam:PassRole", "arn:aws:iam::1:role/admin"), allow("iam:PassRole", "*")));
    assertFalse(SameDocumentDeny.cancels(deny("iam:*", "*"), allow("*", "*")));
    assertFalse(SameDocumentDeny.cancels(deny("s3:Get?bject", "*"), allow("s3:GetObject", "*")));
    // A wildcard Allow against a NotAction Deny may reach actions the Deny leaves alone.
    assertFalse(SameDocumentDeny.cancels(st(Effect.DENY, set("iam:Get*"), true, set("*"), false, List.of()),
        allow("iam:*", "*")));
    assertFalse(SameDocumentDeny.cancels(st(Effect.DENY, set("*"), false, set("arn:aws:s3:::x"), true, List.of()),
        allow("s3:GetObject", "arn:aws:s3:::y")));
    ConditionClause mfa = new ConditionClause("Bool", "aws:MultiFactorAuthPresent", List.of(new LocatedString("false", AT)),
        false, AT);
    PolicyDocument doc = new PolicyDocument(
        List.of(allow("*", "*"), st(Effect.DENY, set("*"), false, set("*"), false, List.of(mfa))), false, List.of(), AT,
        List.of());
    assertSame(doc, SameDocumentDeny.withoutCancelled(doc), "a conditional Deny leaves the document as it is");
  }
}
