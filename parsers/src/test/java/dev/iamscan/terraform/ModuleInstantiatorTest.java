package dev.iamscan.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleInstantiatorTest {
  @TempDir Path root;

  private void write(String file, String text) throws IOException {
    Path p = root.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void eachInstanceHasItsOwnScopeChainAndArguments() throws IOException {
    write("main.tf", """
        module "u" {
          source   = "./m"
          count    = 2
          label    = "n${count.index}"
        }
        """);
    write("m/main.tf", """
        variable "label" {}
        resource "aws_iam_user" "this" {
          name = var.label
        }
        """);
    ParseResult r = new TerraformModuleParser().parse(root, root, List.of());
    List<Resource> users = r.resources().stream().filter(x -> x.type().equals("aws_iam_user")).toList();
    assertEquals(List.of("m#module.u[0]", "m#module.u[1]"), users.stream().map(Resource::scope).toList());
    assertEquals(List.of("n0", "n1"), users.stream().map(u -> u.body().string("name").orElse("?")).toList());
    assertEquals("module.u[0].aws_iam_user.this", users.get(0).displayName());
    assertEquals("module.u", users.get(0).modulePath());
    assertEquals(1, users.get(0).moduleCalls().get(0).range().startLine());
    assertEquals("m/main.tf", users.get(0).range().file());
    assertEquals(2, users.get(0).range().startLine());
  }

  @Test
  void hugeAndExponentialExpansionsAreBoundedAndReported() throws IOException {
    write("main.tf", """
        module "many" {
          source = "./m"
          count  = 100000000
        }
        """);
    write("m/main.tf", """
        module "a" {
          source = "../n"
        }
        module "b" {
          source = "../n"
        }
        """);
    write("n/main.tf", """
        resource "aws_iam_user" "this" {
          name = "x"
        }
        """);
    ParseResult r = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> new TerraformModuleParser().parse(root, root, List.of()));
    assertTrue(r.diagnostics().stream().anyMatch(d -> d.level() == Diagnostic.Level.ERROR
        && d.file().equals("main.tf") && d.line() == 1 && d.message().contains("module instances")), r.diagnostics()::toString);
    assertTrue(r.resources().size() <= 3 * ModuleInstantiator.MAX_INSTANCES);
  }

  @Test
  void aModuleCallingItselfIsAnErrorAtItsBlock() throws IOException {
    write("main.tf", """
        resource "aws_iam_user" "this" {
          name = "x"
        }

        module "self" {
          source = "./"
        }
        """);
    ParseResult r = new TerraformModuleParser().parse(root, root, List.of());
    assertEquals(List.of("main.tf:5:1: error: module.self calls ., which is already being evaluated in this call chain: "
        + "recursive modules cannot be applied"), r.diagnostics().stream().map(Diagnostic::toString).toList());
    assertEquals(1, r.resources().stream().filter(x -> x.type().equals("aws_iam_user")).count());
  }
}
