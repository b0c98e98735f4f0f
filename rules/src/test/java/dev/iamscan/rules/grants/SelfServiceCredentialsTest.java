package dev.iamscan.rules.grants;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.policy.Effect;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.policy.StringSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfServiceCredentialsTest {
  private static final SourceRange AT = SourceRange.at("p.json", 1, 1);
  private static final String HOLE = String.valueOf(Value.Unknown.HOLE);

  private static PolicyStatement on(boolean notResource, List<String> known, List<String> partial, boolean opaque) {
    StringSet actions = new StringSet(true, List.of(new LocatedString("iam:*AccessKey*", AT)), false, AT);
    StringSet resources = new StringSet(true, known.stream().map(v -> new LocatedString(v, AT)).toList(),
        !partial.isEmpty() || opaque, AT, partial.stream().map(v -> new LocatedString(v, AT)).toList(), opaque);
    return new PolicyStatement(null, 0, Effect.ALLOW, AT, actions, false, resources, notResource, List.of(), false,
        false, false, List.of(), false, AT);
  }

  private static PolicyStatement on(String... known) {
    return on(false, List.of(known), List.of(), false);
  }

  @Test
  void theCallersOwnUserOrMfaDevice() {
    assertTrue(SelfServiceCredentials.onCallerOnly(on("arn:aws:iam::*:user/${aws:username}")));
    assertTrue(SelfServiceCredentials.onCallerOnly(on("arn:aws-us-gov:iam::123456789012:user/${aws:username}",
        "arn:aws:iam::123456789012:mfa/${aws:username}")));
    assertTrue(SelfServiceCredentials.onCallerOnly(on("arn:aws:iam::*:user/staff/dev/${aws:username}")));
    // partition and account left unresolved (a variable, a pseudo-parameter)
    assertTrue(SelfServiceCredentials.onCallerOnly(on(false, List.of(),
        List.of("arn:" + HOLE + ":iam::" + HOLE + ":user/${aws:username}"), false)));
  }

  @Test
  void anythingElseIsNot() {
    assertFalse(SelfServiceCredentials.onCallerOnly(on("arn:aws:iam::*:user/*")));
    assertFalse(SelfServiceCredentials.onCallerOnly(on("arn:aws:iam::*:user/${aws:username}", "*")));
    assertFalse(SelfServiceCredentials.onCallerOnly(on("arn:aws:iam::*:user/*/${aws:username}")));
    assertFalse(SelfServiceCredentials.onCallerOnly(on("arn:aws:iam::*:user/${aws:username}-admin")));
    assertFalse(SelfServiceCredentials.onCallerOnly(on("arn:aws:iam::*:role/${aws:username}")));
    assertFalse(SelfServiceCredentials.onCallerOnly(on("arn:aws:iam::*:user/&{aws:username}")));
    // an unresolved part standing for the path or name could be anyone
    assertFalse(SelfServiceCredentials.onCallerOnly(on(false, List.of(),
        List.of("arn:aws:iam::*:user/" + HOLE + "/${aws:username}"), false)));
    assertFalse(SelfServiceCredentials.onCallerOnly(on(false, List.of("arn:aws:iam::*:user/${aws:username}"),
        List.of(), true)));
    // NotResource: every resource but the caller
    assertFalse(SelfServiceCredentials.onCallerOnly(on(true, List.of("arn:aws:iam::*:user/${aws:username}"),
        List.of(), false)));
  }

  @Test
  void credentialActionsOnly() {
    IamActions catalogue = IamActions.get();
    assertTrue(catalogue.expand("iam:*AccessKey*").stream().allMatch(SelfServiceCredentials::credentialAction));
    assertTrue(catalogue.expand("iam:*MFADevice*").stream().allMatch(SelfServiceCredentials::credentialAction));
    assertTrue(catalogue.expand("iam:ChangePassword").stream().allMatch(SelfServiceCredentials::credentialAction));
    assertFalse(catalogue.expand("iam:Put*").stream().anyMatch(SelfServiceCredentials::credentialAction));
    assertFalse(catalogue.expand("iam:*User").stream().allMatch(SelfServiceCredentials::credentialAction));
  }
}
