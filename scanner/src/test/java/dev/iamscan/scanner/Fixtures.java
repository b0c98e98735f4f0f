package dev.iamscan.scanner;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.Format;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Hand-made rules and fake parsers, so scanner tests need neither real parsers nor real rules. */
public final class Fixtures {
  private Fixtures() {}

  public static RuleMetadata rule(String id, Category category, Severity severity) {
    return RuleMetadata.builder(id, "test-rule-" + id.toLowerCase())
        .category(category).severity(severity).precision(RuleMetadata.Precision.HIGH)
        .summary("Test rule " + id + " flags resources named bad")
        .description("A test rule. It flags every resource whose name starts with `bad`.")
        .remediation("rename the resource so it no longer starts with `bad`.")
        .compliant("hcl", "resource \"aws_iam_role\" \"good\" {}\n")
        .references("https://example.com/" + id)
        .build();
  }

  /** A scan result as the scanner would return it before review: nothing suppressed or baselined. */
  public static ScanResult result(List<Finding> findings, List<Diagnostic> diagnostics, int filesScanned,
      int filesWithErrors, List<RuleMetadata> rules, List<ScanRoot> roots, java.util.Map<String, String> outside,
      Path workingDirectory) {
    return new ScanResult(findings, diagnostics, filesScanned, filesWithErrors, rules, roots, outside, List.of(),
        List.of(), 0, 0, List.of(), workingDirectory);
  }

  public static final RuleMetadata CRITICAL_RULE = rule("IAM901", Category.OVERBROAD_GRANT, Severity.CRITICAL);
  public static final RuleMetadata MEDIUM_RULE = rule("IAM902", Category.PUBLIC_BUCKET, Severity.MEDIUM);

  /** Flags every resource whose name starts with the given prefix, at the resource head. */
  public record PrefixRule(RuleMetadata metadata, String prefix) implements Rule {
    @Override
    public void check(dev.iamscan.rules.ScanContext context, dev.iamscan.rules.FindingSink sink) {
      for (Resource r : context.model().resources()) {
        if (r.name().startsWith(prefix)) {
          sink.report(new Finding(metadata, metadata.severity(),
              r.displayName() + " is named " + r.name(), r.range(), r.address(), r.name(),
              List.of(new Finding.Related("the module it belongs to", r.headRange()))));
        }
      }
    }
  }

  /** critical for names starting "crit", medium for "med". */
  public static List<Rule> testRules() {
    return List.of(new PrefixRule(CRITICAL_RULE, "crit"), new PrefixRule(MEDIUM_RULE, "med"));
  }

  public static Resource resource(Format format, String type, String name, String scope, SourceRange range) {
    return new Resource(format, "resource", type, name, scope, Value.ObjectValue.empty(range),
        Value.ObjectValue.empty(range), range, List.of());
  }

  /**
   * A Terraform parser that reads each line {@code resource "TYPE" "NAME"} of each .tf file, and
   * "ERROR" lines as error diagnostics; enough structure to check paths, lines and ordering.
   */
  public static TerraformSource fakeTerraform() {
    return (dir, root, vars) -> {
      List<Resource> resources = new ArrayList<>();
      List<Diagnostic> diagnostics = new ArrayList<>();
      List<String> files = new ArrayList<>();
      try (Stream<Path> s = Files.list(dir)) {
        for (Path f : s.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
          String rel = root.relativize(f).toString().replace('\\', '/');
          files.add(rel);
          String scope = root.relativize(dir).toString().replace('\\', '/');
          List<String> lines = Files.readAllLines(f);
          for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("\"");
            if (lines.get(i).startsWith("resource") && parts.length >= 4) {
              resources.add(resource(Format.TERRAFORM, parts[1], parts[3], scope,
                  new SourceRange(rel, i + 1, 1, i + 1, lines.get(i).length())));
            } else if (lines.get(i).startsWith("ERROR")) {
              diagnostics.add(Diagnostic.error(rel, i + 1, 1, "cannot parse: " + lines.get(i)));
            } else if (lines.get(i).startsWith("THROW")) {
              throw new IllegalStateException("parser bug");
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new ParseResult(resources, diagnostics, files);
    };
  }

  /** A template is a file whose first line is "AWSTemplateFormatVersion"; each "Name: Type" line a resource. */
  public static CloudFormationSource fakeCloudFormation() {
    return (file, root) -> {
      try {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).startsWith("AWSTemplateFormatVersion")) return Optional.empty();
        String rel = root.relativize(file).toString().replace('\\', '/');
        List<Resource> resources = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
          String[] kv = lines.get(i).split(": ", 2);
          if (kv.length == 2) {
            resources.add(resource(Format.CLOUDFORMATION, kv[1], kv[0].strip(), rel,
                new SourceRange(rel, i + 1, 3, i + 1, lines.get(i).length())));
          }
        }
        return Optional.of(new ParseResult(resources, List.of(), List.of(rel)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  public static Scanner scanner(List<String> warnings) {
    return new Scanner(fakeTerraform(), fakeCloudFormation(), testRules(), 4, warnings::add);
  }

  public static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
