package dev.iamscan.scanner.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UriPathsTest {
  @Test
  void keepsUnreservedCharactersAndSlashes() {
    assertEquals("a-b_c.d~e/F9/main.tf", UriPaths.encodePath("a-b_c.d~e/F9/main.tf"));
  }

  @Test
  void encodesSpacesReservedAndNonAsciiAsUtf8() {
    assertEquals("my%20dir/a%3Ab%25c%3Fd%23e%5Bf%5D.tf", UriPaths.encodePath("my dir/a:b%c?d#e[f].tf"));
    assertEquals("%C3%A9t%C3%A9/%E2%9C%93.yaml", UriPaths.encodePath("été/✓.yaml"));
  }

  @Test
  void turnsBackslashesIntoSlashes() {
    assertEquals("a/b/c.tf", UriPaths.encodePath("a\\b\\c.tf"));
  }

  @Test
  void directoryUrisEndInASlash() {
    assertEquals("file:///tmp/with%20space/", UriPaths.directoryUri(Path.of("/tmp/with space")));
  }
}
