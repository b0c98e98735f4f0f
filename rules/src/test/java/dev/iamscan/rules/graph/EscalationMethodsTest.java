package dev.iamscan.rules.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The methods table reads as words: names and step wordings a reviewer understands without a glossary. */
class EscalationMethodsTest {
  /** A lower-case letter followed by a capital inside a word: CamelCase, as in {@code CreateEC2WithExistingIP}. */
  private static final Pattern CAMEL = Pattern.compile("\\b\\w*[a-z][A-Z]\\w*\\b");
  /** Names of products and of the policy a step attaches, which are spelled as AWS spells them. */
  private static final java.util.List<String> PROPER = java.util.List.of("DynamoDB", "CloudFormation", "CodeBuild",
      "SageMaker", "AdministratorAccess");

  private static String prose(String s) {
    for (String p : PROPER) s = s.replace(p, "");
    return s;
  }

  @Test
  void namesAreWordsAndUnique() {
    Set<String> seen = new HashSet<>();
    for (EscalationMethods.Method m : EscalationMethods.all()) {
      assertTrue(seen.add(m.name()), "duplicate name " + m.name());
      assertTrue(m.name().contains(" "), "not words: " + m.name());
      assertFalse(CAMEL.matcher(prose(m.name())).find(), "CamelCase in name: " + m.name());
      assertFalse(m.name().matches(".*\\bIP\\b.*"), "abbreviation in name: " + m.name());
    }
  }

  @Test
  void wordingsSayInstanceProfileWhereAnInstanceRunsWithARole() {
    for (EscalationMethods.Method m : EscalationMethods.all()) {
      String said = m.say("role r");
      // Action names are quoted in steps elsewhere; a wording itself is prose.
      assertFalse(CAMEL.matcher(prose(said)).find(), m.name() + ": " + said);
      boolean ec2 = "ec2.amazonaws.com".equals(m.service()) || m.target().equals("instance")
          || m.target().equals("launch-template");
      if (ec2) assertTrue(said.contains("instance profile"), m.name() + ": " + said);
    }
    EscalationMethods.Method run = EscalationMethods.all().stream()
        .filter(m -> m.actions().contains("ec2:RunInstances")).findFirst().orElseThrow();
    assertEquals("launches an EC2 instance with an existing instance profile that holds role r", run.say("role r"));
  }
}
