package dev.iamscan.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.ParserLimits;
import dev.iamscan.terraform.HclSyntax.SyntaxError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each bound of {@link ParserLimits} stops the HCL parser with a located error. */
class HclParserLimitsTest {
  private static SyntaxError fails(String text, ParserLimits limits) {
    return assertThrows(SyntaxError.class, () -> HclParser.parseBody(SourceText.ofFile("main.tf", text), limits));
  }

  @Test
  void nestingDepth() throws SyntaxError {
    ParserLimits four = ParserLimits.DEFAULTS.withMaxNestingDepth(4);
    HclParser.parseBody(SourceText.ofFile("main.tf", "a = [[1]]\n"), four);
    SyntaxError e = fails("x = 1\na = [[[[[1]]]]]\n", four);
    assertEquals(2, e.line);
    assertTrue(e.getMessage().contains("nested more than 4 levels"), e.getMessage());
  }

  @Test
  void stringLength() {
    ParserLimits ten = ParserLimits.DEFAULTS.withMaxStringLength(10);
    SyntaxError quoted = fails("a = 1\nb = \"" + "x".repeat(50) + "\"\n", ten);
    assertEquals(2, quoted.line);
    assertTrue(quoted.getMessage().contains("string longer than 10"), quoted.getMessage());
    SyntaxError heredoc = fails("a = <<EOT\n" + "y".repeat(50) + "\nEOT\n", ten);
    assertEquals(2, heredoc.line);
  }

  @Test
  void fileSize() {
    SyntaxError e = fails("a = 1\n".repeat(100), ParserLimits.DEFAULTS.withMaxFileBytes(100));
    assertEquals(1, e.line);
  }

  @Test
  void timeBudget() {
    SyntaxError e = fails("a = [1, 2, 3]\n".repeat(5000), ParserLimits.DEFAULTS.withTimeBudget(Duration.ofNanos(1)));
    assertTrue(e.getMessage().contains("time budget"), e.getMessage());
    assertTrue(e.line > 1, "located where it stopped");
  }
}
