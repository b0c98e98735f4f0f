package dev.iamscan.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import org.junit.jupiter.api.Test;

class JsonValueReaderTest {
  @Test
  void keepsPositionsAndNumberText() {
    var r = JsonValueReader.readFile("{\n  \"Account\": 012,\n  \"A\": [\"x\", true]\n}", "t.json");
    assertFalse(r.ok(), "leading zeros are not JSON");
    r = JsonValueReader.readFile("{\n  \"Account\": 12,\n  \"A\": [\"x\", true]\n}", "t.json");
    assertTrue(r.ok());
    var o = (Value.ObjectValue) r.value();
    assertEquals(2, o.field("Account").orElseThrow().keyRange().startLine());
    assertEquals("12", o.string("Account").orElseThrow());
    var x = o.get("A").orElseThrow().elements().get(0);
    assertEquals(new SourceRange("t.json", 3, 9, 3, 11), x.range());
  }

  @Test
  void embeddedVerbatimTextMapsLinesIntoTheFile() {
    var text = new Value.Text("{\n\"Statement\": []\n}", new SourceRange("m.tf", 10, 1, 12, 1), true);
    var r = JsonValueReader.readEmbedded(text);
    var o = (Value.ObjectValue) r.value();
    assertEquals(11, o.field("Statement").orElseThrow().keyRange().startLine());
  }

  @Test
  void syntaxErrorNamesTheLine() {
    var r = JsonValueReader.readFile("{\n  \"a\": 1,\n  \"b\" 2\n}", "bad.json");
    assertFalse(r.ok());
    assertEquals(3, r.error().line());
  }

  @Test
  void unclosedBracketMessageHasNoParserInternals() {
    var r = JsonValueReader.readFile("{\"Statement\": [{\"Effect\": \"Allow\"}", "open.json");
    assertFalse(r.ok());
    assertEquals("invalid JSON: Unexpected end-of-input: expected close marker for Array", r.error().message());
  }

  @Test
  void duplicateKeysWarnAndTheLastWins() {
    var r = JsonValueReader.readFile("{\"a\": 1, \"a\": 2}", "d.json");
    assertEquals("2", ((Value.ObjectValue) r.value()).string("a").orElseThrow());
    assertEquals(1, r.warnings().size());
  }
}
