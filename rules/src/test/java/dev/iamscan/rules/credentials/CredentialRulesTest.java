package dev.iamscan.rules.credentials;

import static dev.iamscan.rules.Models.cfn;
import static dev.iamscan.rules.Models.list;
import static dev.iamscan.rules.Models.obj;
import static dev.iamscan.rules.Models.text;
import static dev.iamscan.rules.Models.tf;
import static dev.iamscan.rules.Models.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.grants.UserAttachedPolicyRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialRulesTest {
  private static final String KEY_ID = "AKIA4QVN7R2XPLT3MZ8K";
  private static final String SECRET = "wJalR2pXq9LmT4vB/8nZc1Hs6dYf0GuE3aKwNy5Q";

  private static List<Finding> run(Rule rule, Resource... resources) {
    List<Finding> out = new ArrayList<>();
    rule.check(ScanContext.of(new ResourceModel(List.of(resources))), out::add);
    return out;
  }

  private static void assertNoSecretIn(List<Finding> findings) {
    for (Finding f : findings) {
      assertFalse(f.message().contains(SECRET) || f.message().contains(KEY_ID), f.message());
      assertFalse(f.evidence().contains(SECRET) || f.evidence().contains(KEY_ID), f.evidence());
    }
  }

  @Test
  void masksKeepFourCharacters() {
    assertEquals("AKIA****", SecretText.mask(KEY_ID));
    assertEquals("****", SecretText.mask("abc"));
  }

  @Test
  void accessKeyIdMustBeAWholeToken() {
    assertEquals(1, CredentialDetector.scan(null, "key " + KEY_ID + " here", false).size());
    assertTrue(CredentialDetector.scan(null, "MY" + KEY_ID, false).isEmpty());
    assertTrue(CredentialDetector.scan(null, KEY_ID + "_SUFFIX", false).isEmpty());
    assertTrue(CredentialDetector.scan(null, "akiaiosfodnn7example", false).isEmpty());
    assertEquals(1, CredentialDetector.scan(null, "ASIAY34FZKBOKMUTVV7A", false).size());
  }

  @Test
  void secretShapeExcludesHexAndNeedsAMix() {
    assertTrue(CredentialDetector.isSecretShaped(SECRET));
    assertFalse(CredentialDetector.isSecretShaped("0123456789abcdef0123456789abcdef01234567"));
    assertFalse(CredentialDetector.isSecretShaped("1234567890123456789012345678901234567890"));
    // A bare 40-character string with no name and no key id next to it is not reported.
    assertTrue(CredentialDetector.scan("foo", SECRET, false).isEmpty());
    // Next to a key id, it is the key's secret.
    List<CredentialDetector.Hit> pair = CredentialDetector.scan(null, KEY_ID + " " + SECRET, false);
    assertEquals(2, pair.size());
  }

  @Test
  void namesDecideWhatAValueIs() {
    assertEquals(CredentialDetector.NameClass.PASSWORD, CredentialDetector.classify("MasterUserPassword", false));
    assertEquals(CredentialDetector.NameClass.PASSWORD, CredentialDetector.classify("/app/db/password", false));
    assertEquals(CredentialDetector.NameClass.NONE, CredentialDetector.classify("PasswordResetRequired", false));
    assertEquals(CredentialDetector.NameClass.NONE, CredentialDetector.classify("minimum_password_length", false));
    assertEquals(CredentialDetector.NameClass.AWS_SECRET_KEY, CredentialDetector.classify("secretKey", false));
    assertEquals(CredentialDetector.NameClass.SESSION_TOKEN, CredentialDetector.classify("token", true));
    assertEquals(CredentialDetector.NameClass.OTHER_SECRET, CredentialDetector.classify("token", false));
    assertEquals(CredentialDetector.NameClass.NONE, CredentialDetector.classify("secret_arn", false));
  }

  @Test
  void dynamicReferencesAndShellVariablesAreNotLiterals() {
    assertFalse(CredentialDetector.isLiteral("{{resolve:secretsmanager:db:SecretString:password}}"));
    assertFalse(CredentialDetector.isLiteral("$AWS_SECRET_ACCESS_KEY"));
    assertFalse(CredentialDetector.isLiteral("\"$(aws ssm get-parameter)\""));
    assertTrue(CredentialDetector.isLiteral("hunter2"));
    assertTrue(CredentialDetector.scan("Password", "{{resolve:ssm-secure:/db/pw:1}}", false).isEmpty());
  }

  @Test
  void scriptAssignmentsAreFoundWithTheirOffsets() {
    String script = "#!/bin/bash\nexport AWS_SECRET_ACCESS_KEY=" + SECRET + "\naws configure set aws_access_key_id abc123\n";
    List<CredentialDetector.Hit> hits = CredentialDetector.scan("user_data", script, false);
    assertEquals(2, hits.size(), hits.toString());
    assertEquals(CredentialDetector.Kind.SECRET_ACCESS_KEY, hits.get(0).kind());
    assertEquals(script.indexOf(SECRET), hits.get(0).offset());
    assertEquals(CredentialDetector.Kind.ACCESS_KEY_ID, hits.get(1).kind());
    assertTrue(CredentialDetector.scan(null, "export AWS_SECRET_ACCESS_KEY=${SECRET}", false).isEmpty());
    assertEquals(CredentialDetector.Kind.CREDENTIALS_FILE,
        CredentialDetector.scan(null, "wget -O - http://x/creds > ~/.aws/credentials", false).get(0).kind());
  }

  @Test
  void findingsNeverPrintTheSecretAndPointInsideVerbatimText() {
    Value.Text script = new Value.Text("#!/bin/bash\nexport AWS_SECRET_ACCESS_KEY=" + SECRET + "\n",
        new SourceRange("t", 10, 15, 12, 3), true);
    Resource instance = tf("aws_instance", "web", obj(9, "user_data", script));
    List<Finding> findings = run(new HardcodedCredentialsRule(), instance);
    assertEquals(1, findings.size());
    assertEquals(11, findings.get(0).location().startLine());
    assertEquals(Severity.CRITICAL, findings.get(0).severity());
    assertTrue(findings.get(0).message().contains("wJal****"), findings.get(0).message());
    assertNoSecretIn(findings);
  }

  @Test
  void base64UserDataIsDecoded() {
    String encoded = java.util.Base64.getEncoder().encodeToString(("export AWS_ACCESS_KEY_ID=" + KEY_ID).getBytes());
    List<Finding> findings = run(new HardcodedCredentialsRule(),
        tf("aws_instance", "web", obj(1, "user_data_base64", text(encoded, 2))));
    assertEquals(1, findings.size());
    assertEquals(Severity.CRITICAL, findings.get(0).severity());
    assertTrue(findings.get(0).message().contains("an AWS access key id"), findings.get(0).message());
    assertNoSecretIn(findings);
    List<Finding> inline = run(new HardcodedCredentialsRule(), tf("aws_instance", "web",
        obj(1, "user_data_base64", unknown("base64encode(\"export AWS_SECRET_ACCESS_KEY=" + SECRET + "\")", 3))));
    assertEquals(1, inline.size());
    assertNoSecretIn(inline);
  }

  @Test
  void nameValuePairsNameTheValue() {
    Resource task = cfn("AWS::ECS::TaskDefinition", "Task", obj(1, "ContainerDefinitions", list(2,
        obj(3, "Environment", list(4, obj(5, "Name", text("DB_PASSWORD", 5), "Value", text("s3cr3t-value", 6)))))));
    List<Finding> findings = run(new HardcodedCredentialsRule(), task);
    assertEquals(1, findings.size());
    assertEquals(6, findings.get(0).location().startLine());
    assertFalse(findings.get(0).message().contains("s3cr3t-value"));
  }

  @Test
  void unknownValuesAreNotGuessed() {
    List<Finding> findings = run(new HardcodedCredentialsRule(),
        tf("aws_db_instance", "db", obj(1, "password", unknown("var.db_password", 2))));
    assertTrue(findings.isEmpty(), findings.toString());
  }

  @Test
  void rootKeysByNameAndStatus() {
    Resource active = cfn("AWS::IAM::AccessKey", "A", obj(1, "UserName", text("Root", 2)));
    Resource inactive = cfn("AWS::IAM::AccessKey", "B", obj(3, "UserName", text("root", 4), "Status", text("Inactive", 5)));
    Resource rootless = cfn("AWS::IAM::AccessKey", "C", obj(6, "UserName", text("rootless-ci", 7)));
    Resource unsure = tf("aws_iam_access_key", "d", obj(8, "user", text("root", 9), "status", unknown("var.status", 10)));
    List<Finding> root = new ArrayList<>(run(new RootAccessKeyRule(), active, inactive, rootless, unsure));
    root.sort(java.util.Comparator.comparingInt(f -> f.location().startLine()));
    assertEquals(List.of(2, 9), root.stream().map(f -> f.location().startLine()).toList());
    assertEquals(Severity.CRITICAL, root.get(0).severity());
    assertEquals(Severity.CRITICAL, root.get(1).severity());
    assertTrue(root.get(1).message().contains("which may be Active"), root.get(1).message());
    List<Finding> longLived = run(new LongLivedAccessKeyRule(), active, inactive, rootless, unsure);
    assertEquals(List.of(7), longLived.stream().map(f -> f.location().startLine()).toList());
  }

  @Test
  void userListsThatMayBeEmptyAreNotReported() {
    Resource unresolved = tf("aws_iam_policy_attachment", "a", obj(1, "users", unknown("var.users", 2)));
    Resource known = tf("aws_iam_policy_attachment", "b", obj(3, "users", list(4, text("x", 4), text("y", 4))));
    List<Finding> findings = run(new UserAttachedPolicyRule(), unresolved, known);
    assertEquals(2, findings.size());
    assertTrue(findings.stream().allMatch(f -> f.location().startLine() == 4));
  }

  @Test
  void placeholdersAreNotCredentials() {
    for (String p : List.of("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "xxxx-xxxx-xxxx",
        "AKIAXXXXXXXXXXXXXXXX", "<token>", "<your secret key>", "changeme", "CHANGE_ME", "Change-Me-Now",
        "your_secret_access_key_here", "${DB_PASSWORD}", "{{ password }}", "********", "0000000000000000",
        "AKIA0000000000000000", "placeholder-secret-1234")) {
      assertTrue(CredentialDetector.isPlaceholder(p), p);
    }
    for (String real : List.of(KEY_ID, SECRET, "Sup3r-Secret-Pa55", "hunter2-but-longer", "aaab")) {
      assertFalse(CredentialDetector.isPlaceholder(real), real);
    }
    assertTrue(CredentialDetector.scan("password", "changeme", false).isEmpty());
    assertTrue(CredentialDetector.scan(null, "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", false).isEmpty());
    assertEquals(1, CredentialDetector.scan("password", "Sup3r-Secret-Pa55", false).size());
  }

  @Test
  void expressionSourceCountsOnlyQuotedStringsAsWrittenIn() {
    String references = "merge(var.extra, { AWS_SECRET_ACCESS_KEY = aws_iam_access_key.ci.secret })";
    assertTrue(CredentialDetector.scan(null, references, false, true).isEmpty());
    // the same text as a script is an assignment of a literal
    assertEquals(1, CredentialDetector.scan(null, references, false, false).size());
    String quoted = "merge(var.extra, { AWS_SECRET_ACCESS_KEY = \"" + SECRET + "\" })";
    List<CredentialDetector.Hit> hits = CredentialDetector.scan(null, quoted, false, true);
    assertEquals(1, hits.size());
    assertEquals(SECRET, hits.get(0).value());
    String script = "join(\"\\n\", [\"export AWS_SECRET_ACCESS_KEY=" + SECRET + "\", var.more])";
    assertEquals(1, CredentialDetector.scan(null, script, false, true).size());
    // a hole in a template's text is never a literal
    assertTrue(CredentialDetector.scan(null, "AWS_SECRET_ACCESS_KEY=" + Value.Unknown.HOLE, false).isEmpty());
  }
}
