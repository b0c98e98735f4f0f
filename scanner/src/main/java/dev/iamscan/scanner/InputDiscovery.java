package dev.iamscan.scanner;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Finds what to parse under a scan root: every directory holding Terraform files is one module, every
 * JSON or YAML file a candidate template. Symbolic links are followed only while they stay inside the
 * root, and each real file or directory is visited once, so links can neither leak nor loop.
 */
final class InputDiscovery {
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".terraform", "node_modules");
  /** Build files that make a sibling {@code target/} a build output (Maven, sbt, Leiningen, Cargo). */
  private static final List<String> BUILD_FILES =
      List.of("pom.xml", "build.sbt", "project.clj", "Cargo.toml", "build.gradle", "build.gradle.kts");
  private static final List<String> TEMPLATE_SUFFIXES = List.of(".json", ".yaml", ".yml", ".template");

  private final Consumer<String> warnings;

  InputDiscovery(Consumer<String> warnings) {
    this.warnings = warnings;
  }

  static boolean isTerraformFile(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".tf") || n.endsWith(".tf.json");
  }

  static boolean isTemplateCandidate(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".tf.json") || n.endsWith(".tfvars.json")) return false;
    return TEMPLATE_SUFFIXES.stream().anyMatch(n::endsWith);
  }

  /** The units under one root, modules and templates each sorted by path. */
  List<ScanUnit> discover(ScanRoot root) throws IOException {
    Path start = root.requested();
    if (Files.isRegularFile(start)) return single(root, start);

    Path realRoot = start.toRealPath();
    Set<Path> seen = new HashSet<>();
    Set<Path> modules = new TreeSet<>();
    Set<Path> templates = new TreeSet<>();
    Files.walkFileTree(start, Set.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            if (!dir.equals(start) && isSkippedDirectory(dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Path real = dir.toRealPath();
            if (!real.startsWith(realRoot) || !seen.add(real)) return FileVisitResult.SKIP_SUBTREE;
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
            String name = file.getFileName().toString();
            boolean terraform = isTerraformFile(name);
            boolean template = isTemplateCandidate(name);
            if (!terraform && !template) return FileVisitResult.CONTINUE;
            Path real = file.toRealPath();
            if (!real.startsWith(realRoot) || !seen.add(real)) return FileVisitResult.CONTINUE;
            if (terraform) modules.add(file.getParent());
            else templates.add(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            // A link cycle is expected in real trees and harmless; anything else the user should see.
            if (!(e instanceof FileSystemLoopException)) {
              warnings.accept("cannot read " + file + ": " + e.getMessage());
            }
            return FileVisitResult.CONTINUE;
          }
        });
    List<ScanUnit> units = new ArrayList<>();
    modules.forEach(m -> units.add(new ScanUnit.TerraformModule(root, m)));
    templates.forEach(t -> units.add(new ScanUnit.CandidateTemplate(root, t)));
    units.sort(Comparator.comparing(ScanUnit::path));
    return units;
  }

  private static List<ScanUnit> single(ScanRoot root, Path file) {
    String name = file.getFileName().toString();
    if (isTerraformFile(name)) return List.of(new ScanUnit.TerraformModule(root, file.getParent()));
    if (isTemplateCandidate(name)) return List.of(new ScanUnit.CandidateTemplate(root, file));
    return List.of();
  }

  private static boolean isSkippedDirectory(Path dir) {
    String name = dir.getFileName().toString();
    if (name.equals("target")) return isBuildOutput(dir);
    return SKIPPED_DIRECTORIES.contains(name) || (name.startsWith(".") && name.length() > 1);
  }

  /** A {@code target/} beside a build file is what the build wrote; any other is a folder like the rest. */
  private static boolean isBuildOutput(Path dir) {
    Path parent = dir.getParent();
    return parent != null && BUILD_FILES.stream().anyMatch(b -> Files.isRegularFile(parent.resolve(b)));
  }
}
