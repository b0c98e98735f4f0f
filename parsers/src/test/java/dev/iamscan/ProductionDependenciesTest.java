package dev.iamscan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * HCL4J is a test-only oracle: its parser evaluates, prints and may make HTTP requests. Neither the
 * production sources of any module nor the compiled parser classes may reference it.
 */
class ProductionDependenciesTest {
  private static final String SOURCE_NAME = "com.bertramlabs";
  private static final String CLASS_NAME = "com/bertramlabs";

  private static Path projectRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("parsers")) ? here : here.getParent();
  }

  @Test
  void noProductionSourceMentionsHcl4j() throws IOException {
    Path root = projectRoot();
    List<Path> mains;
    try (Stream<Path> s = Files.list(root)) {
      mains = s.map(m -> m.resolve("src/main")).filter(Files::isDirectory).collect(Collectors.toList());
    }
    assertTrue(mains.stream().anyMatch(p -> p.startsWith(root.resolve("parsers"))), "parsers/src/main not found from " + root);
    List<String> offenders;
    try (Stream<Path> files = mains.stream().flatMap(ProductionDependenciesTest::walk)) {
      offenders = files.filter(Files::isRegularFile).filter(p -> contains(p, SOURCE_NAME))
          .map(Path::toString).collect(Collectors.toList());
    }
    assertEquals(List.of(), offenders);
  }

  @Test
  void noCompiledParserClassReferencesHcl4j() throws IOException {
    Path classes = projectRoot().resolve("parsers/target/classes");
    List<String> offenders;
    try (Stream<Path> files = walk(classes)) {
      // class names in a constant pool are plain UTF-8 with slashes
      offenders = files.filter(p -> p.toString().endsWith(".class")).filter(p -> contains(p, CLASS_NAME))
          .map(Path::toString).collect(Collectors.toList());
    }
    assertEquals(List.of(), offenders);
  }

  private static Stream<Path> walk(Path dir) {
    try {
      return Files.walk(dir);
    } catch (IOException e) {
      throw new AssertionError("cannot list " + dir, e);
    }
  }

  private static boolean contains(Path file, String needle) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(needle);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }
}
