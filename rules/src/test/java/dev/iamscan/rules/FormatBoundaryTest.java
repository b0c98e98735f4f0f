package dev.iamscan.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules read the IAM view and the typed state, never a format: no class under rules/src/main names
 * a Terraform or CloudFormation resource type, looks resources up by type, or reads a named key of
 * a resource body. Adding a format then means a parser and its adapters in parsers/, and no rule
 * changes. Documentation (text blocks, comments) may show either format.
 */
class FormatBoundaryTest {
  /** AWS CLI and SDK credential setting names: what credentials are called, not a format's type. */
  private static final Set<String> CREDENTIAL_NAMES = Set.of("aws_access_key_id", "aws_secret_access_key", "aws_session_token");

  private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\".*?\"\"\"", Pattern.DOTALL);
  private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");
  private static final Pattern FORMAT_LITERAL = Pattern.compile("\"(aws_[A-Za-z0-9_]*|AWS::[^\"]*)\"");
  private static final Pattern LOOKUP = Pattern.compile(
      "\\.ofType\\(|\\.(?:body|attributes)\\(\\)\\s*\\.\\s*(?:get|field|string|blocks|has|object|all)\\(");

  static Path mainSources() {
    Path here = Path.of("src/main/java");
    return Files.isDirectory(here.resolve("dev/iamscan/rules")) ? here : Path.of("rules/src/main/java");
  }

  /** Source text without documentation: text blocks, comments. */
  static String code(String source) {
    String s = TEXT_BLOCK.matcher(source).replaceAll("\"\"");
    s = BLOCK_COMMENT.matcher(s).replaceAll("");
    return LINE_COMMENT.matcher(s).replaceAll("");
  }

  /** Every place a source names a format: type or key literals, type lookups, key reads of a resource. */
  static List<String> formatNames(String file, String source) {
    List<String> out = new ArrayList<>();
    String code = code(source);
    Matcher m = FORMAT_LITERAL.matcher(code);
    while (m.find()) {
      if (!CREDENTIAL_NAMES.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) out.add(file + ": " + m.group());
    }
    Matcher l = LOOKUP.matcher(code);
    while (l.find()) out.add(file + ": " + l.group());
    return out;
  }

  @Test
  void noRuleNamesAFormat() throws IOException {
    Path root = mainSources();
    List<String> found = new ArrayList<>();
    int files = 0;
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        files++;
        found.addAll(formatNames(root.relativize(p).toString(), Files.readString(p)));
      }
    }
    assertTrue(files > 50, "rule sources not found under " + root.toAbsolutePath());
    assertEquals(List.of(), found);
  }

  @Test
  void theCheckSeesCodeButNotDocumentation() {
    String source = """
        /** Reads {@code "aws_iam_user"}. */
        class X {
          static final String DOC = \"""
              resource "aws_iam_user" "a" {}
              \""";
          // "AWS::IAM::User"
          void check(ResourceModel m, Resource r) {
            m.ofType("aws_iam_role");
            r.body().get("user");
            String k = "AWS::IAM::User";
            String env = "AWS_SECRET_ACCESS_KEY";
            String cli = "aws_session_token";
          }
        }
        """;
    assertEquals(List.of("X: \"aws_iam_role\"", "X: \"AWS::IAM::User\"", "X: .ofType(", "X: .body().get("),
        formatNames("X", source));
  }
}
