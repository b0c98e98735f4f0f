package dev.iamscan.cloudformation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlValueReaderTest {
  private static Value.ObjectValue read(String yaml) {
    YamlValueReader.Result r = YamlValueReader.read(yaml, "t.yaml");
    assertTrue(r.ok(), () -> String.valueOf(r.error()));
    return (Value.ObjectValue) r.value();
  }

  /** The single long-form key a short tag turned into. */
  private static String longKey(Value v) {
    Value.ObjectValue o = assertInstanceOf(Value.ObjectValue.class, v);
    assertEquals(1, o.size());
    return o.fields().get(0).key();
  }

  @Test
  void everyShortTagBecomesItsLongForm() {
    Value.ObjectValue o = read("""
        a: !Ref X
        b: !Sub "${X}"
        c: !GetAtt R.Arn
        d: !Join ["", [a]]
        e: !If [C, a, b]
        f: !Select [0, [a]]
        g: !Split [",", "a,b"]
        h: !FindInMap [M, a, b]
        i: !Base64 x
        j: !Cidr [10.0.0.0/16, 2, 8]
        k: !ImportValue Y
        l: !GetAZs ""
        m: !Equals [a, b]
        n: !Not [!Condition C]
        o: !And [a, b]
        p: !Or [a, b]
        q: !Condition C
        r: !Transform {Name: AWS::Include}
        """);
    List<String> expected = List.of("Ref", "Fn::Sub", "Fn::GetAtt", "Fn::Join", "Fn::If", "Fn::Select",
        "Fn::Split", "Fn::FindInMap", "Fn::Base64", "Fn::Cidr", "Fn::ImportValue", "Fn::GetAZs",
        "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition", "Fn::Transform");
    assertEquals(expected, o.fields().stream().map(f -> longKey(f.value())).toList());
    Value inner = o.object("n").orElseThrow().get("Fn::Not").orElseThrow().elements().get(0);
    assertEquals("Condition", longKey(inner));
  }

  @Test
  void getAttDotFormSplitsAtTheFirstDot() {
    Value.ObjectValue o = read("a: !GetAtt Db.Endpoint.Address\n");
    List<Value> parts = o.object("a").orElseThrow().get("Fn::GetAtt").orElseThrow().elements();
    assertEquals(List.of("Db", "Endpoint.Address"), parts.stream().map(v -> v.scalar().orElseThrow()).toList());
  }

  @Test
  void tagPositionsCoverTagAndValue() {
    Value.ObjectValue o = read("x: 1\nkey: !Ref Thing\n");
    Value.Field f = o.field("key").orElseThrow();
    assertEquals(new SourceRange("t.yaml", 2, 1, 2, 3), f.keyRange());
    Value.ObjectValue ref = (Value.ObjectValue) f.value();
    assertEquals(new SourceRange("t.yaml", 2, 6, 2, 15), ref.range());
    assertEquals(new SourceRange("t.yaml", 2, 6, 2, 9), ref.field("Ref").orElseThrow().keyRange());
  }

  @Test
  void blockScalarStartsAtItsFirstContentLine() {
    Value.ObjectValue o = read("""
        a:
          doc: |
            {
              "Statement": []
            }
          folded: >
            one
            two
          plain: one
            two
          single: 'x'
        """);
    Value.Text doc = (Value.Text) o.object("a").orElseThrow().get("doc").orElseThrow();
    assertTrue(doc.verbatim());
    assertEquals(3, doc.range().startLine());
    assertEquals(5, doc.range().startColumn());
    assertEquals("{\n  \"Statement\": []\n}\n", doc.value());
    Value.Text folded = (Value.Text) o.object("a").orElseThrow().get("folded").orElseThrow();
    assertFalse(folded.verbatim());
    assertEquals("one two\n", folded.value());
    Value.Text plain = (Value.Text) o.object("a").orElseThrow().get("plain").orElseThrow();
    assertFalse(plain.verbatim());
    Value.Text single = (Value.Text) o.object("a").orElseThrow().get("single").orElseThrow();
    assertTrue(single.verbatim());
  }

  @Test
  void taggedBlockScalarKeepsItsLines() {
    Value.ObjectValue o = read("p: !Sub |\n  line ${X}\n  two\n");
    Value.Text t = (Value.Text) o.object("p").orElseThrow().get("Fn::Sub").orElseThrow();
    assertTrue(t.verbatim());
    assertEquals(2, t.range().startLine());
    assertEquals(3, t.range().startColumn());
  }

  @Test
  void numbersKeepTheirText() {
    Value.ObjectValue o = read("a: 012345678901\nb: 0123\nc: 1.50\nd: 12\ne: !!str 7\n");
    assertEquals("012345678901", o.string("a").orElseThrow());
    assertEquals("0123", o.string("b").orElseThrow());
    assertEquals(new Value.Num("1.50", new SourceRange("t.yaml", 3, 4, 3, 7)), o.get("c").orElseThrow());
    assertInstanceOf(Value.Num.class, o.get("d").orElseThrow());
    assertInstanceOf(Value.Text.class, o.get("e").orElseThrow());
  }

  @Test
  void aliasIsAnUnknownWithAWarning() {
    YamlValueReader.Result r = YamlValueReader.read("a: &x 1\nb: *x\n", "t.yaml");
    Value b = ((Value.ObjectValue) r.value()).get("b").orElseThrow();
    assertEquals(new Value.Unknown("*x", new SourceRange("t.yaml", 2, 4, 2, 5)), b);
    assertEquals(1, r.warnings().size());
    assertEquals(2, r.warnings().get(0).line());
  }

  @Test
  void syntaxErrorHasALine() {
    YamlValueReader.Result r = YamlValueReader.read("a: 1\nb: [1, 2\nc: 3\n", "t.yaml");
    assertFalse(r.ok());
    assertTrue(r.error().line() >= 2, r.error().toString());
  }

  @Test
  void largeInputsPassSnakeYamlsDefaultLimit() {
    StringBuilder sb = new StringBuilder("k:\n");
    while (sb.length() < 4 * 1024 * 1024) sb.append("  - \"some text to fill the document up\"\n");
    YamlValueReader.Result r = YamlValueReader.read(sb.toString(), "big.yaml");
    assertTrue(r.ok(), () -> String.valueOf(r.error()));
  }
}
