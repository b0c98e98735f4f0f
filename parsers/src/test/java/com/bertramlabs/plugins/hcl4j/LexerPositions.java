package com.bertramlabs.plugins.hcl4j;

import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only bridge to HCL4J's package-private lexer, which keeps the 0-based line and column of
 * every block and attribute. Only the lexer runs: HCL4J's parser evaluates, prints and may make
 * HTTP requests, so nothing here calls it.
 */
public final class LexerPositions {
  private LexerPositions() {}

  /** A block (at its opening brace) or an attribute (at its name), 0-based as HCL4J keeps them. */
  public record Position(boolean block, String name, int line, int column) {}

  /** Every block, nested block and attribute of blocks, in source order; throws when the lexer rejects the text. */
  public static List<Position> of(String text) throws Exception {
    HCLLexer lexer = new HCLLexer(new StringReader(text));
    lexer.yylex();
    List<Position> out = new ArrayList<>();
    for (Symbol s : lexer.elementStack) collect(s, out);
    return out;
  }

  private static void collect(Symbol s, List<Position> out) {
    if (s instanceof HCLBlock b) {
      out.add(new Position(true, String.join(" ", b.blockNames), b.getLine(), b.getColumn()));
      if (b.getChildren() != null) for (Symbol c : b.getChildren()) collect(c, out);
    } else if (s instanceof HCLAttribute a) {
      // attribute values (maps, lists, expressions) are not body items: stop here
      out.add(new Position(false, a.getName(), a.getLine(), a.getColumn()));
    }
  }
}
