package dev.iamscan.scanner;

import static dev.iamscan.scanner.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParseResult;
import dev.iamscan.rules.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerTest {
  @TempDir Path cwd;
  final List<String> warnings = new ArrayList<>();

  ScanResult scan(Path... paths) throws IOException {
    return Fixtures.scanner(warnings).scan(new ScanRequest(List.of(paths)), cwd);
  }

  static List<String> where(ScanResult r) {
    return r.findings().stream()
        .map(f -> f.location().file() + ":" + f.location().startLine() + " " + f.ruleId()).toList();
  }

  @Test
  void findsModulesAndTemplatesAndSkipsIgnoredDirectories() throws IOException {
    write(cwd.resolve("app/main.tf"), "resource \"aws_iam_role\" \"crit_admin\"\n");
    write(cwd.resolve("app/extra.tf"), "\nresource \"aws_s3_bucket\" \"med_logs\"\n");
    write(cwd.resolve("stack.yaml"), "AWSTemplateFormatVersion\n  critRole: AWS::IAM::Role\n");
    write(cwd.resolve("not-a-template.json"), "{}\n");
    write(cwd.resolve("vars.tfvars.json"), "AWSTemplateFormatVersion\n  critX: T\n");
    for (String skipped : List.of(".git", ".terraform", "node_modules", ".hidden", "java/target")) {
      write(cwd.resolve(skipped + "/main.tf"), "resource \"aws_iam_role\" \"crit_skipped\"\n");
      write(cwd.resolve(skipped + "/t.yml"), "AWSTemplateFormatVersion\n  critSkipped: T\n");
    }
    write(cwd.resolve("java/pom.xml"), "<project/>\n");

    ScanResult r = scan(cwd);

    assertEquals(List.of("app/extra.tf:2 IAM902", "app/main.tf:1 IAM901", "stack.yaml:2 IAM901"), where(r));
    assertEquals(3, r.filesScanned());
    assertEquals(0, r.filesWithErrors());
    assertFalse(r.hasErrors());
  }

  @Test
  void policyTextWithComputedPartsIsReadBelowTheWorkingDirectory() throws IOException {
    // files of a root below the working directory are renamed before rules run: the partly known
    // text of a heredoc must survive that
    write(cwd.resolve("infra/main.tf"), """
        resource "aws_s3_bucket" "b" {}
        resource "aws_iam_policy" "p" {
          policy = <<EOF
        {"Statement": [{"Effect": "Allow", "Action": "kms:*", "Resource": "${aws_s3_bucket.b.arn}"}]}
        EOF
        }
        """);
    ScanResult r = Scanner.withDefaults(Scanner.allRules(), w -> { })
        .scan(new ScanRequest(List.of(cwd.resolve("infra"))), cwd);
    assertEquals(List.of("infra/main.tf:4 IAM003"), where(r).stream().filter(x -> x.endsWith("IAM003")).toList());
  }

  @Test
  void referencesOfUnknownValuesSurviveARootBelowTheWorkingDirectory() throws IOException {
    // the references an unknown value was computed from are renamed with its files
    write(cwd.resolve("infra/main.tf"), """
        resource "aws_iam_access_key" "k" {
          user = "ci"
        }
        locals {
          script = "export AWS_SECRET_ACCESS_KEY=${aws_iam_access_key.k.secret}"
        }
        resource "aws_instance" "a" {
          iam_instance_profile = "worker"
          user_data            = base64encode(local.script)
        }
        """);
    ScanResult r = Scanner.withDefaults(Scanner.allRules(), w -> { })
        .scan(new ScanRequest(List.of(cwd.resolve("infra"))), cwd);
    assertEquals(List.of("infra/main.tf:9 IAM015"), where(r).stream().filter(x -> x.endsWith("IAM015")).toList());
  }

  @Test
  void aFolderNamedTargetIsScannedUnlessABuildFileMakesItBuildOutput() throws IOException {
    write(cwd.resolve("deploy/target/main.tf"), "resource \"aws_iam_role\" \"crit_deploy_target\"\n");
    write(cwd.resolve("app/target/main.tf"), "resource \"aws_iam_role\" \"crit_build_output\"\n");
    write(cwd.resolve("app/build.gradle.kts"), "plugins {}\n");
    assertEquals(List.of("deploy/target/main.tf:1 IAM901"), where(scan(cwd)));
  }

  @Test
  void namesFilesRelativeToTheWorkingDirectoryWhenTheRootIsBelowIt() throws IOException {
    write(cwd.resolve("infra/prod/main.tf"), "resource \"aws_iam_role\" \"crit_admin\"\n");

    ScanResult r = scan(cwd.resolve("infra"));

    assertEquals(List.of("infra/prod/main.tf:1 IAM901"), where(r));
    Finding f = r.findings().get(0);
    assertEquals("infra/prod/main.tf", f.related().get(0).location().file());
    assertEquals("%SRCROOT%", r.baseIdOf("infra/prod/main.tf"));
  }

  @Test
  void aFileRootScansThatFileAndNamesItFromTheWorkingDirectory() throws IOException {
    write(cwd.resolve("cfn/a.yaml"), "AWSTemplateFormatVersion\n  critA: T\n");
    write(cwd.resolve("cfn/b.yaml"), "AWSTemplateFormatVersion\n  critB: T\n");

    assertEquals(List.of("cfn/a.yaml:2 IAM901"), where(scan(cwd.resolve("cfn/a.yaml"))));
  }

  @Test
  void filesOutsideTheWorkingDirectoryAreRelativeToTheirRoot(@TempDir Path elsewhere) throws IOException {
    write(elsewhere.resolve("m/main.tf"), "resource \"aws_iam_role\" \"crit_x\"\n");

    ScanResult r = scan(elsewhere);

    assertEquals(List.of("m/main.tf:1 IAM901"), where(r));
    assertEquals("SCANROOT1", r.baseIdOf("m/main.tf"));
  }

  @Test
  void overlappingRootsParseEachModuleOnce() throws IOException {
    write(cwd.resolve("a/main.tf"), "resource \"aws_iam_role\" \"crit_x\"\n");

    assertEquals(List.of("a/main.tf:1 IAM901"), where(scan(cwd, cwd.resolve("a"))));
  }

  @Test
  void symlinksAreNotFollowedOutOfTheRootAndLoopsEnd(@TempDir Path outside) throws IOException {
    write(outside.resolve("main.tf"), "resource \"aws_iam_role\" \"crit_outside\"\n");
    write(cwd.resolve("in/main.tf"), "resource \"aws_iam_role\" \"crit_inside\"\n");
    Files.createSymbolicLink(cwd.resolve("in/out-link"), outside);
    Files.createSymbolicLink(cwd.resolve("in/loop"), cwd.resolve("in"));
    Files.createSymbolicLink(cwd.resolve("in/file-link.yaml"), write(outside.resolve("t.yaml"),
        "AWSTemplateFormatVersion\n  critLinked: T\n"));

    ScanResult r = scan(cwd);

    assertEquals(List.of("in/main.tf:1 IAM901"), where(r));
  }

  @Test
  void linkLoopsInsideTheRootEnd() throws IOException {
    write(cwd.resolve("a/main.tf"), "resource \"aws_iam_role\" \"crit_a\"\n");
    write(cwd.resolve("b/main.tf"), "resource \"aws_iam_role\" \"crit_b\"\n");
    // two directories linking to each other, a link to the root, and a link to itself (ELOOP)
    Files.createSymbolicLink(cwd.resolve("a/to-b"), cwd.resolve("b"));
    Files.createSymbolicLink(cwd.resolve("b/to-a"), cwd.resolve("a"));
    Files.createSymbolicLink(cwd.resolve("b/to-root"), cwd);
    Files.createSymbolicLink(cwd.resolve("a/self"), cwd.resolve("a/self"));

    ScanResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> scan(cwd));

    // each real module once; which name a module gets when a link reaches it too depends on the
    // order the file system lists directories in, so compare the real files
    List<String> found = where(r);
    assertEquals(2, found.size(), found.toString());
    List<Path> real = new ArrayList<>();
    for (String f : found) real.add(cwd.resolve(f.substring(0, f.indexOf(':'))).toRealPath());
    assertEquals(List.of(cwd.resolve("a/main.tf").toRealPath(), cwd.resolve("b/main.tf").toRealPath()),
        real.stream().sorted().toList());
  }

  @Test
  void aParserThatThrowsCostsOnlyItsModule() throws IOException {
    write(cwd.resolve("bad/main.tf"), "THROW\n");
    write(cwd.resolve("good/main.tf"), "resource \"aws_iam_role\" \"crit_x\"\n");

    ScanResult r = scan(cwd);

    assertEquals(List.of("good/main.tf:1 IAM901"), where(r));
    assertEquals(1, r.diagnostics().size());
    Diagnostic d = r.diagnostics().get(0);
    assertEquals(Diagnostic.Level.ERROR, d.level());
    assertEquals("bad", d.file());
    assertTrue(d.message().contains("parser bug"), d.message());
    assertTrue(r.hasErrors());
    assertEquals(1, r.filesWithErrors());
  }

  @Test
  void diagnosticsAreSortedAndCountFilesWithErrors() throws IOException {
    write(cwd.resolve("z/main.tf"), "ERROR two\n");
    write(cwd.resolve("a/main.tf"), "resource \"a\" \"b\"\nERROR one\n");

    ScanResult r = scan(cwd);

    assertEquals(List.of("a/main.tf:2", "z/main.tf:1"),
        r.diagnostics().stream().map(d -> d.file() + ":" + d.line()).toList());
    assertEquals(2, r.filesWithErrors());
    assertEquals(0, r.filesScanned());
  }

  @Test
  void resultsDoNotDependOnWhichParseFinishesFirst() throws IOException {
    for (int i = 0; i < 40; i++) {
      write(cwd.resolve("m" + i + "/main.tf"), "resource \"aws_iam_role\" \"crit_" + i + "\"\n");
    }
    // Early modules sleep longest, so they finish last.
    TerraformSource slowFirst = (dir, root, vars) -> {
      int n = Integer.parseInt(dir.getFileName().toString().substring(1));
      try {
        Thread.sleep(Math.max(0, 40 - n));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Fixtures.fakeTerraform().parse(dir, root, vars);
    };
    ScanRequest request = new ScanRequest(List.of(cwd));
    ScanResult parallel = new Scanner(slowFirst, Fixtures.fakeCloudFormation(), Fixtures.testRules(), 8,
        warnings::add).scan(request, cwd);
    ScanResult serial = new Scanner(Fixtures.fakeTerraform(), Fixtures.fakeCloudFormation(),
        Fixtures.testRules(), 1, warnings::add).scan(request, cwd);

    assertEquals(40, parallel.findings().size());
    assertEquals(where(serial), where(parallel));
  }

  @Test
  void parsesOnSeveralThreads() throws IOException {
    for (int i = 0; i < 8; i++) write(cwd.resolve("m" + i + "/main.tf"), "\n");
    ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
    TerraformSource recording = (dir, root, vars) -> {
      threads.add(Thread.currentThread().getName() + "#" + Thread.currentThread().getId());
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new ParseResult(List.of(), List.of(), List.of());
    };
    new Scanner(recording, (f, r) -> Optional.empty(), List.of(), 4, warnings::add)
        .scan(new ScanRequest(List.of(cwd)), cwd);
    assertTrue(threads.stream().distinct().count() > 1, threads.toString());
  }

  @Test
  void varFilesReachTheTerraformParser() throws IOException {
    write(cwd.resolve("m/main.tf"), "\n");
    Path vars = write(cwd.resolve("prod.tfvars"), "x = 1\n");
    List<List<Path>> seen = new ArrayList<>();
    TerraformSource recording = (dir, root, varFiles) -> {
      seen.add(varFiles);
      return new ParseResult(List.of(), List.of(), List.of());
    };
    new Scanner(recording, (f, r) -> Optional.empty(), List.of(), 1, warnings::add)
        .scan(new ScanRequest(List.of(cwd), List.of(vars), false), cwd);
    assertEquals(List.of(List.of(vars)), seen);
  }

  @Test
  void aRuleThatThrowsBecomesAnErrorAndOtherRulesStillRun() throws IOException {
    write(cwd.resolve("m/main.tf"), "resource \"aws_iam_role\" \"crit_x\"\n");
    dev.iamscan.rules.Rule broken = new dev.iamscan.rules.Rule() {
      @Override
      public dev.iamscan.rules.RuleMetadata metadata() {
        return Fixtures.MEDIUM_RULE;
      }

      @Override
      public void check(dev.iamscan.rules.ScanContext c, dev.iamscan.rules.FindingSink s) {
        throw new IllegalStateException("boom");
      }
    };
    ScanResult r = new Scanner(Fixtures.fakeTerraform(), Fixtures.fakeCloudFormation(),
        List.of(broken, Fixtures.testRules().get(0)), 1, warnings::add)
        .scan(new ScanRequest(List.of(cwd)), cwd);
    assertEquals(List.of("m/main.tf:1 IAM901"), where(r));
    assertTrue(r.hasErrors());
    assertTrue(r.diagnostics().get(0).message().contains("IAM902"));
  }

  @Test
  void parseOnlyRunsNoRules() throws IOException {
    write(cwd.resolve("m/main.tf"), "resource \"aws_iam_role\" \"crit_x\"\n");
    ScanResult r = Fixtures.scanner(warnings).scan(new ScanRequest(List.of(cwd), List.of(), true), cwd);
    assertEquals(List.of(), r.findings());
    assertEquals(List.of(), r.rules());
    assertEquals(1, r.filesScanned());
  }

  @Test
  void namedFilesThatAreNotScannedAreWarnedAbout() throws IOException {
    Path readme = write(cwd.resolve("README.md"), "# hi\n");
    Path other = write(cwd.resolve("config.yaml"), "key: value\n");
    Path skippedQuietly = write(cwd.resolve("dir/other.yaml"), "key: value\n");

    ScanResult r = scan(readme, other, skippedQuietly.getParent());

    assertEquals(List.of(), r.findings());
    assertEquals(List.of(readme + " is neither Terraform nor a JSON/YAML template; not scanned",
        other + " is not a CloudFormation template; not scanned"), warnings);
  }

  @Test
  void aMissingPathIsReported() {
    assertThrows(NoSuchFileException.class, () -> scan(cwd.resolve("nope")));
  }
}
