package dev.iamscan.terraform;

import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.List;

/**
 * The located syntax tree of HCL native syntax (and of {@code .tf.json}, converted to the same
 * shape), before evaluation. Every node knows its source text, for {@code Unknown} expressions and
 * messages, and its range.
 */
final class HclSyntax {
  private HclSyntax() {}

  /** Where a node was written. */
  sealed interface Loc permits TextLoc, FixedLoc {
    SourceRange range();

    String text();
  }

  record TextLoc(SourceText src, int start, int end) implements Loc {
    @Override
    public SourceRange range() {
      return src.range(start, end);
    }

    @Override
    public String text() {
      return src.slice(start, end);
    }
  }

  /** A node converted from JSON, whose position is the JSON value's own. */
  record FixedLoc(SourceRange range, String text) implements Loc {}

  sealed interface Expr
      permits Literal, Template, Traversal, RelativeTraversal, Call, Tuple, ObjectCons, Conditional,
          Binary, Unary, ForExpr, Parens {
    Loc loc();
  }

  /** A literal, already a located model value (strings without templates, numbers, booleans, null). */
  record Literal(Value value, Loc loc) implements Expr {}

  /**
   * A string template: parts are {@code String} literal text or {@link Expr} interpolations.
   * {@code contentRange} is where the text starts (a heredoc's first content line).
   */
  record Template(List<Object> parts, boolean heredoc, boolean hasDirective, SourceRange contentRange, Loc loc)
      implements Expr {}

  /**
   * A template part {@code %{ if c }...%{ else }...%{ endif }}. The newlines of the directives'
   * own text (and of whitespace they strip) are kept, so that a rendering keeps every line of the
   * template where it was written: {@code elseLines} and {@code endLines} are those of the
   * {@code else} and {@code endif} directives; the opening one's go to the enclosing parts.
   */
  record IfDirective(Expr condition, List<Object> whenTrue, List<Object> whenFalse, int elseLines, int endLines,
      String text) {}

  /**
   * A template part {@code %{ for k, v in coll }...%{ endfor }}; {@code keyVar} is null without a
   * key. {@code endLines}: as for {@link IfDirective}.
   */
  record ForDirective(String keyVar, String valueVar, Expr collection, List<Object> body, int endLines,
      String text) {}

  sealed interface Step permits GetAttr, Index, Splat {}

  record GetAttr(String name) implements Step {}

  record Index(Expr key) implements Step {}

  record Splat() implements Step {}

  /** {@code root.a[0].b}: a name and the steps taken from it. */
  record Traversal(String root, List<Step> steps, Loc loc) implements Expr {}

  /** Steps taken from a computed value: {@code f(x)[0]}, {@code (x).y}. */
  record RelativeTraversal(Expr base, List<Step> steps, Loc loc) implements Expr {}

  record Call(String name, List<Expr> args, boolean expandLast, Loc loc) implements Expr {}

  record Tuple(List<Expr> items, Loc loc) implements Expr {}

  record ObjectItem(Expr key, Expr value) {}

  record ObjectCons(List<ObjectItem> items, Loc loc) implements Expr {}

  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, Loc loc) implements Expr {}

  record Binary(String op, Expr left, Expr right, Loc loc) implements Expr {}

  record Unary(String op, Expr operand, Loc loc) implements Expr {}

  /** {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value}}. */
  record ForExpr(String keyVar, String valueVar, Expr collection, Expr keyExpr, Expr valueExpr,
      Expr condition, boolean grouping, Loc loc) implements Expr {}

  record Parens(Expr inner, Loc loc) implements Expr {}

  sealed interface Item permits Attribute, Block {}

  record Attribute(String name, Loc nameLoc, Expr value) implements Item {}

  /** A block: {@code header} spans the type and labels, {@code loc} the whole block. */
  record Block(String type, List<String> labels, Loc header, Body body, Loc loc) implements Item {}

  record Body(List<Item> items) {}

  /** A syntax error at a position of the text being parsed. */
  static final class SyntaxError extends Exception {
    final int line;
    final int column;

    SyntaxError(int line, int column, String message) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }
  }
}
