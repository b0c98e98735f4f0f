package dev.iamscan.terraform;

import dev.iamscan.model.ParserLimits;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.terraform.HclSyntax.Attribute;
import dev.iamscan.terraform.HclSyntax.Binary;
import dev.iamscan.terraform.HclSyntax.Block;
import dev.iamscan.terraform.HclSyntax.Body;
import dev.iamscan.terraform.HclSyntax.Call;
import dev.iamscan.terraform.HclSyntax.Conditional;
import dev.iamscan.terraform.HclSyntax.Expr;
import dev.iamscan.terraform.HclSyntax.ForDirective;
import dev.iamscan.terraform.HclSyntax.ForExpr;
import dev.iamscan.terraform.HclSyntax.GetAttr;
import dev.iamscan.terraform.HclSyntax.IfDirective;
import dev.iamscan.terraform.HclSyntax.Index;
import dev.iamscan.terraform.HclSyntax.Item;
import dev.iamscan.terraform.HclSyntax.Literal;
import dev.iamscan.terraform.HclSyntax.Loc;
import dev.iamscan.terraform.HclSyntax.ObjectCons;
import dev.iamscan.terraform.HclSyntax.ObjectItem;
import dev.iamscan.terraform.HclSyntax.Parens;
import dev.iamscan.terraform.HclSyntax.RelativeTraversal;
import dev.iamscan.terraform.HclSyntax.Splat;
import dev.iamscan.terraform.HclSyntax.Step;
import dev.iamscan.terraform.HclSyntax.SyntaxError;
import dev.iamscan.terraform.HclSyntax.Template;
import dev.iamscan.terraform.HclSyntax.TextLoc;
import dev.iamscan.terraform.HclSyntax.Traversal;
import dev.iamscan.terraform.HclSyntax.Tuple;
import dev.iamscan.terraform.HclSyntax.Unary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A recursive-descent parser for HCL native syntax that keeps the offset of every node. We parse
 * ourselves rather than through HCL4J's lexer because that lexer drops the key and value of
 * {@code for} expressions, flattens operators without precedence, places heredocs at their closing
 * line, and rejects numeric, parenthesised and template object keys found in real modules.
 *
 * <p>Newlines end an attribute at body level and are plain whitespace inside brackets, parentheses,
 * braces of expressions and interpolations, as in HCL.
 *
 * <p>Hostile input is bounded by {@link ParserLimits}: nesting depth (so recursion never exhausts
 * the stack), string length and a time budget; each exceeded bound is a {@link SyntaxError} at the
 * position where it was reached.
 */
final class HclParser {
  private final SourceText src;
  private final String s;
  private final int limit;
  private int pos;
  /** Brackets open in the current expression: newlines are whitespace when above zero. */
  private int nesting;
  private final ParserLimits limits;
  /** {@link System#nanoTime()} after which parsing stops. */
  private final long deadline;
  /** Blocks and expressions entered and not yet left, bounded by {@link ParserLimits#maxNestingDepth()}. */
  private int depth;
  /** Steps taken; the clock is read every 1024 of them only. */
  private int ticks;

  private HclParser(SourceText src, int start, int limit, ParserLimits limits) {
    this.src = src;
    this.s = src.text;
    this.pos = start;
    this.limit = limit;
    this.limits = limits;
    this.deadline = limits.deadlineFromNow();
  }

  static Body parseBody(SourceText src) throws SyntaxError {
    return parseBody(src, ParserLimits.DEFAULTS);
  }

  static Body parseBody(SourceText src, ParserLimits limits) throws SyntaxError {
    if (src.text.length() > limits.maxFileBytes()) {
      throw new SyntaxError(1, 1, "file is larger than " + limits.maxFileBytes() + " bytes (the file size limit)");
    }
    HclParser p = new HclParser(src, 0, src.text.length(), limits);
    if (p.pos < p.limit && p.s.charAt(0) == '\uFEFF') p.pos++;
    try {
      return p.body(true);
    } catch (StackOverflowError e) {
      // the depth limit should make this unreachable; a small thread stack may still get here
      throw new SyntaxError(1, 1, "expressions nested too deeply");
    }
  }

  /** The whole text as a template ({@code templatefile}, {@code ${}} strings of JSON syntax). */
  static Template parseTemplate(SourceText src, SourceRange contentRange) throws SyntaxError {
    return parseTemplate(src, contentRange, ParserLimits.DEFAULTS);
  }

  static Template parseTemplate(SourceText src, SourceRange contentRange, ParserLimits limits) throws SyntaxError {
    HclParser p = new HclParser(src, 0, src.text.length(), limits);
    p.nesting = 1;
    try {
      return p.templateBody(0, p.limit, false, false, contentRange, 0);
    } catch (StackOverflowError e) {
      throw new SyntaxError(1, 1, "expressions nested too deeply");
    }
  }

  // ---- bodies ----

  private Body body(boolean top) throws SyntaxError {
    List<Item> items = new ArrayList<>();
    while (true) {
      tick();
      skipSpace(true);
      if (pos >= limit) {
        if (top) break;
        throw error("missing '}' to close the block");
      }
      char c = s.charAt(pos);
      if (c == '}') {
        if (!top) break;
        throw error("unexpected '}'");
      }
      int start = pos;
      String name = identifier();
      if (name == null) throw error("expected an attribute or a block, found " + describe());
      Loc nameLoc = loc(start);
      skipSpace(false);
      if (peek('=') && !peekAt(1, '=')) {
        pos++;
        Expr value = expression();
        endOfAttribute();
        items.add(new Attribute(name, nameLoc, value));
        continue;
      }
      List<String> labels = new ArrayList<>();
      while (pos < limit && !peek('{')) {
        if (peek('"')) {
          labels.add(quotedLabel());
        } else {
          String label = identifier();
          if (label == null) throw error("expected '=' or a block, found " + describe());
          labels.add(label);
        }
        skipSpace(false);
      }
      if (!peek('{')) throw error("expected '{' to open block " + name);
      Loc header = loc(start);
      pos++;
      int saved = nesting;
      nesting = 0;
      enter();
      Body inner = body(false);
      depth--;
      nesting = saved;
      pos++; // the closing brace
      items.add(new Block(name, List.copyOf(labels), header, inner, loc(start)));
    }
    return new Body(List.copyOf(items));
  }

  private void endOfAttribute() throws SyntaxError {
    skipSpace(false);
    if (pos >= limit || s.charAt(pos) == '\n' || s.charAt(pos) == '}') return;
    throw error("unexpected " + describe() + " after the attribute value");
  }

  private String quotedLabel() throws SyntaxError {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < limit && s.charAt(pos) != '"') {
      char c = s.charAt(pos);
      if (c == '\n') {
        pos = start;
        throw error("unterminated block label");
      }
      if (c == '\\' && pos + 1 < limit) {
        pos++;
        c = s.charAt(pos);
      }
      sb.append(c);
      pos++;
    }
    if (pos >= limit) {
      pos = start;
      throw error("unterminated block label");
    }
    pos++;
    return sb.toString();
  }

  // ---- expressions ----

  Expr expression() throws SyntaxError {
    enter();
    Expr e = conditional();
    depth--;
    return e;
  }

  private Expr conditional() throws SyntaxError {
    int start = skipAndMark();
    Expr cond = binary(0);
    skipSpace(nesting > 0);
    if (peek('?')) {
      pos++;
      nesting++;
      Expr t = expression();
      skipSpace(true);
      expect(':');
      nesting--;
      Expr f = expression();
      return new Conditional(cond, t, f, loc(start));
    }
    return cond;
  }

  private static final String[][] LEVELS = {
    {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}
  };

  private Expr binary(int level) throws SyntaxError {
    if (level == LEVELS.length) return unary();
    int start = skipAndMark();
    Expr left = binary(level + 1);
    while (true) {
      int save = pos;
      skipSpace(nesting > 0);
      String op = operatorAt(level);
      if (op == null) {
        pos = save;
        return left;
      }
      pos += op.length();
      Expr right = binary(level + 1);
      left = new Binary(op, left, right, loc(start));
    }
  }

  private String operatorAt(int level) {
    for (String op : LEVELS[level]) {
      if (s.startsWith(op, pos) && pos + op.length() <= limit) {
        // '=>' of for expressions, '<<' heredocs and '<=' are not '<' or '>' here
        if (op.equals("<") && (peekAt(1, '<') || peekAt(1, '='))) continue;
        if (op.equals(">") && peekAt(1, '=')) continue;
        if (op.equals("-") && peekAt(1, '>')) continue;
        return op;
      }
    }
    return null;
  }

  private Expr unary() throws SyntaxError {
    int start = skipAndMark();
    if (peek('!') && !peekAt(1, '=')) {
      pos++;
      return new Unary("!", nestedUnary(), loc(start));
    }
    if (peek('-') && !(pos + 1 < limit && Character.isDigit(s.charAt(pos + 1)))) {
      pos++;
      return new Unary("-", nestedUnary(), loc(start));
    }
    return postfix(primary(), start);
  }

  /** {@code !!!!x} recurses without passing through {@link #expression()}: count it too. */
  private Expr nestedUnary() throws SyntaxError {
    enter();
    Expr e = unary();
    depth--;
    return e;
  }

  private Expr postfix(Expr base, int start) throws SyntaxError {
    List<Step> steps = new ArrayList<>();
    while (pos < limit) {
      char c = s.charAt(pos);
      if (c == '.' && pos + 1 < limit) {
        char n = s.charAt(pos + 1);
        if (n == '*') {
          pos += 2;
          steps.add(new Splat());
        } else if (Character.isDigit(n)) {
          pos++;
          int ds = pos;
          while (pos < limit && Character.isDigit(s.charAt(pos))) pos++;
          steps.add(new Index(new Literal(new Value.Num(s.substring(ds, pos), src.range(ds, pos)), loc(ds))));
        } else if (isIdStart(n)) {
          pos++;
          steps.add(new GetAttr(identifier()));
        } else {
          break;
        }
      } else if (c == '[') {
        pos++;
        nesting++;
        skipSpace(true);
        if (peek('*')) {
          pos++;
          skipSpace(true);
          expect(']');
          nesting--;
          steps.add(new Splat());
        } else {
          Expr key = expression();
          skipSpace(true);
          expect(']');
          nesting--;
          steps.add(new Index(key));
        }
      } else {
        break;
      }
    }
    if (steps.isEmpty()) return base;
    if (base instanceof Traversal t) {
      List<Step> all = new ArrayList<>(t.steps());
      all.addAll(steps);
      return new Traversal(t.root(), List.copyOf(all), loc(start));
    }
    return new RelativeTraversal(base, List.copyOf(steps), loc(start));
  }

  private Expr primary() throws SyntaxError {
    skipSpace(nesting > 0);
    if (pos >= limit) throw error("expected an expression, found the end of the file");
    int start = pos;
    char c = s.charAt(pos);
    if (Character.isDigit(c) || (c == '-' && pos + 1 < limit && Character.isDigit(s.charAt(pos + 1)))) {
      return number();
    }
    if (c == '"') return quotedTemplate();
    if (c == '<' && s.startsWith("<<", pos)) return heredoc();
    if (c == '[') return tupleOrFor();
    if (c == '{') return objectOrFor();
    if (c == '(') {
      pos++;
      nesting++;
      Expr inner = expression();
      skipSpace(true);
      expect(')');
      nesting--;
      return new Parens(inner, loc(start));
    }
    String name = identifier();
    if (name == null) throw error("expected an expression, found " + describe());
    while (s.startsWith("::", pos) && pos + 2 < limit && isIdStart(s.charAt(pos + 2))) {
      pos += 2;
      name = name + "::" + identifier();
    }
    if (peek('(')) return call(name, start);
    return switch (name) {
      case "true" -> new Literal(new Value.Bool(true, src.range(start, pos)), loc(start));
      case "false" -> new Literal(new Value.Bool(false, src.range(start, pos)), loc(start));
      case "null" -> new Literal(new Value.Null(src.range(start, pos)), loc(start));
      default -> new Traversal(name, List.of(), loc(start));
    };
  }

  private Expr number() {
    int start = pos;
    if (peek('-')) pos++;
    while (pos < limit && Character.isDigit(s.charAt(pos))) pos++;
    if (peek('.') && pos + 1 < limit && Character.isDigit(s.charAt(pos + 1))) {
      pos++;
      while (pos < limit && Character.isDigit(s.charAt(pos))) pos++;
    }
    if (pos < limit && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (peek('+') || peek('-')) pos++;
      if (pos < limit && Character.isDigit(s.charAt(pos))) {
        while (pos < limit && Character.isDigit(s.charAt(pos))) pos++;
      } else {
        pos = save;
      }
    }
    return new Literal(new Value.Num(s.substring(start, pos), src.range(start, pos)), loc(start));
  }

  private Expr call(String name, int start) throws SyntaxError {
    pos++;
    nesting++;
    List<Expr> args = new ArrayList<>();
    boolean expand = false;
    skipSpace(true);
    while (!peek(')')) {
      args.add(expression());
      skipSpace(true);
      if (s.startsWith("...", pos)) {
        pos += 3;
        expand = true;
        skipSpace(true);
      }
      if (peek(',')) {
        pos++;
        skipSpace(true);
      } else if (!peek(')')) {
        throw error("expected ',' or ')' in the arguments of " + name + ", found " + describe());
      }
    }
    pos++;
    nesting--;
    return new Call(name, List.copyOf(args), expand, loc(start));
  }

  private boolean atKeyword(String word) {
    return s.startsWith(word, pos) && pos + word.length() < limit
        && !isIdPart(s.charAt(pos + word.length()));
  }

  private Expr tupleOrFor() throws SyntaxError {
    int start = pos;
    pos++;
    nesting++;
    skipSpace(true);
    if (atKeyword("for")) return forExpr(start, false);
    List<Expr> items = new ArrayList<>();
    while (!peek(']')) {
      items.add(expression());
      skipSpace(true);
      if (peek(',')) {
        pos++;
        skipSpace(true);
      } else if (!peek(']')) {
        throw error("expected ',' or ']' in a list, found " + describe());
      }
    }
    pos++;
    nesting--;
    return new Tuple(List.copyOf(items), loc(start));
  }

  private Expr objectOrFor() throws SyntaxError {
    int start = pos;
    pos++;
    nesting++;
    skipSpace(true);
    if (atKeyword("for")) return forExpr(start, true);
    List<ObjectItem> items = new ArrayList<>();
    while (!peek('}')) {
      Expr key = expression();
      skipSpace(true);
      if (peek('=') || peek(':')) {
        pos++;
      } else {
        throw error("expected '=' after an object key, found " + describe());
      }
      Expr value = expression();
      items.add(new ObjectItem(key, value));
      skipSpace(true);
      if (peek(',')) {
        pos++;
        skipSpace(true);
      } else if (pos >= limit) {
        throw error("missing '}' to close the object");
      }
    }
    pos++;
    nesting--;
    return new ObjectCons(List.copyOf(items), loc(start));
  }

  private Expr forExpr(int start, boolean object) throws SyntaxError {
    pos += 3;
    skipSpace(true);
    String first = identifier();
    if (first == null) throw error("expected a variable name after 'for'");
    String second = null;
    skipSpace(true);
    if (peek(',')) {
      pos++;
      skipSpace(true);
      second = identifier();
      if (second == null) throw error("expected a second variable name in 'for'");
      skipSpace(true);
    }
    if (!atKeyword("in")) throw error("expected 'in' in a for expression, found " + describe());
    pos += 2;
    Expr coll = expression();
    skipSpace(true);
    expect(':');
    Expr keyExpr = null;
    Expr valueExpr;
    boolean grouping = false;
    if (object) {
      keyExpr = expression();
      skipSpace(true);
      if (!s.startsWith("=>", pos)) throw error("expected '=>' in a for expression, found " + describe());
      pos += 2;
    }
    valueExpr = expression();
    skipSpace(true);
    if (object && s.startsWith("...", pos)) {
      pos += 3;
      grouping = true;
      skipSpace(true);
    }
    Expr cond = null;
    if (atKeyword("if")) {
      pos += 2;
      cond = expression();
      skipSpace(true);
    }
    expect(object ? '}' : ']');
    nesting--;
    String keyVar = second == null ? null : first;
    String valueVar = second == null ? first : second;
    return new ForExpr(keyVar, valueVar, coll, keyExpr, valueExpr, cond, grouping, loc(start));
  }

  // ---- templates ----

  private Expr quotedTemplate() throws SyntaxError {
    int start = pos;
    pos++;
    Template t = templateBody(start, limit, true, false, null, 0);
    return t;
  }

  private Expr heredoc() throws SyntaxError {
    int start = pos;
    pos += 2;
    boolean flush = peek('-');
    if (flush) pos++;
    String marker = identifier();
    if (marker == null) throw error("expected a heredoc marker after '<<'");
    while (pos < limit && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\r')) pos++;
    if (!peek('\n')) throw error("a heredoc marker must end its line");
    pos++;
    int contentStart = pos;
    int lineStart = pos;
    int contentEnd = -1;
    int after = -1;
    while (lineStart < limit) {
      int eol = s.indexOf('\n', lineStart);
      if (eol < 0 || eol > limit) eol = limit;
      String line = s.substring(lineStart, eol).strip();
      if (line.equals(marker)) {
        contentEnd = lineStart;
        after = s.indexOf(marker, lineStart) + marker.length();
        break;
      }
      lineStart = eol + 1;
    }
    if (contentEnd < 0) {
      pos = start;
      throw error("heredoc " + marker + " is never closed");
    }
    int indent = flush ? commonIndent(contentStart, contentEnd) : 0;
    SourceRange contentRange = contentStart < contentEnd
        ? src.range(contentStart + indent, contentEnd)
        : src.range(start, after);
    int saved = nesting;
    nesting = 1;
    pos = contentStart;
    Template body = templateBody(contentStart, contentEnd, false, true, contentRange, indent);
    nesting = saved;
    pos = after;
    return new Template(body.parts(), true, body.hasDirective(), contentRange, loc(start));
  }

  /** The smallest indentation of the non-blank lines, which {@code <<-} removes from every line. */
  private int commonIndent(int from, int to) {
    int min = Integer.MAX_VALUE;
    int i = from;
    while (i < to) {
      int n = 0;
      while (i + n < to && (s.charAt(i + n) == ' ' || s.charAt(i + n) == '\t')) n++;
      int eol = s.indexOf('\n', i);
      if (eol < 0 || eol > to) eol = to;
      if (i + n < eol && !(i + n == eol - 1 && s.charAt(eol - 1) == '\r')) min = Math.min(min, n);
      i = eol + 1;
    }
    return min == Integer.MAX_VALUE ? 0 : min;
  }

  /**
   * Template text up to a closing quote ({@code quoted}) or {@code end}. Quoted strings process
   * escapes; heredocs do not. {@code stripIndent} characters of leading whitespace are removed from
   * each line ({@code <<-}).
   */
  private Template templateBody(int start, int end, boolean quoted, boolean heredoc, SourceRange contentRange,
      int stripIndent) throws SyntaxError {
    Deque<DirectiveFrame> open = new ArrayDeque<>();
    List<Object> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    boolean directive = false;
    boolean lineStart = true;
    boolean trimNext = false;
    while (true) {
      tick();
      if (lit.length() > limits.maxStringLength()) {
        throw error("string longer than " + limits.maxStringLength() + " characters (the string length limit)");
      }
      if (pos >= end) {
        if (quoted) {
          pos = start;
          throw error("unterminated string");
        }
        break;
      }
      char c = s.charAt(pos);
      if (lineStart && stripIndent > 0) {
        int n = 0;
        while (n < stripIndent && pos < end && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
          pos++;
          n++;
        }
        lineStart = false;
        continue;
      }
      lineStart = false;
      if (quoted && c == '"') {
        pos++;
        break;
      }
      if (quoted && c == '\n') {
        pos = start;
        throw error("unterminated string: a quoted string cannot span lines");
      }
      if (trimNext && Character.isWhitespace(c)) {
        pos++;
        if (c == '\n') {
          // stripped, but its line is kept so that what follows stays on its line
          lit.append('\n');
          lineStart = true;
        }
        continue;
      }
      trimNext = false;
      if (c == '$' && s.startsWith("$${", pos)) {
        lit.append("${");
        pos += 3;
      } else if (c == '%' && s.startsWith("%%{", pos)) {
        lit.append("%{");
        pos += 3;
      } else if (c == '$' && s.startsWith("${", pos)) {
        pos += 2;
        if (peek('~')) {
          pos++;
          trimTrailing(lit);
        }
        if (lit.length() > 0) parts.add(lit.toString());
        lit.setLength(0);
        nesting++;
        Expr e = expression();
        skipSpace(true);
        if (peek('~')) {
          pos++;
          trimNext = true;
        }
        expect('}');
        nesting--;
        parts.add(e);
      } else if (c == '%' && s.startsWith("%{", pos)) {
        directive = true;
        int dstart = pos;
        pos += 2;
        if (peek('~')) {
          pos++;
          trimTrailing(lit);
        }
        if (lit.length() > 0) parts.add(lit.toString());
        lit.setLength(0);
        nesting++;
        skipSpace(true);
        String word = identifier();
        DirectiveFrame frame = null;
        if ("if".equals(word)) {
          frame = new DirectiveFrame(dstart, parts);
          frame.condition = expression();
        } else if ("for".equals(word)) {
          frame = new DirectiveFrame(dstart, parts);
          skipSpace(true);
          String first = identifier();
          if (first == null) throw error("expected a variable name after 'for'");
          skipSpace(true);
          if (peek(',')) {
            pos++;
            skipSpace(true);
            frame.valueVar = identifier();
            if (frame.valueVar == null) throw error("expected a second variable name in 'for'");
            frame.keyVar = first;
            skipSpace(true);
          } else {
            frame.valueVar = first;
          }
          if (!atKeyword("in")) throw error("expected 'in' in a for directive, found " + describe());
          pos += 2;
          frame.collection = expression();
        } else if (!"else".equals(word) && !"endif".equals(word) && !"endfor".equals(word)) {
          pos = dstart;
          throw error("unknown template directive: expected if, else, endif, for or endfor");
        }
        skipSpace(true);
        if (peek('~')) {
          pos++;
          trimNext = true;
        }
        expect('}');
        nesting--;
        int lines = newlines(dstart, pos);
        if (frame != null) {
          frame.text = s.substring(dstart, pos);
          if (lines > 0) parts.add("\n".repeat(lines));
          open.push(frame);
          parts = frame.body;
        } else {
          DirectiveFrame top = open.peek();
          boolean isIf = top != null && top.condition != null;
          boolean isFor = top != null && top.collection != null;
          if (word.equals("else")) {
            if (!isIf || top.whenFalse != null) {
              pos = dstart;
              throw error("%{ else } without a matching %{ if }");
            }
            top.elseLines = lines;
            top.whenFalse = new ArrayList<>();
            parts = top.whenFalse;
          } else if ((word.equals("endif") && !isIf) || (word.equals("endfor") && !isFor)) {
            pos = dstart;
            throw error("%{ " + word + " } without a matching %{ " + (word.equals("endif") ? "if" : "for") + " }");
          } else {
            open.pop();
            parts = top.parent;
            parts.add(isIf
                ? new IfDirective(top.condition, List.copyOf(top.body),
                    top.whenFalse == null ? List.of() : List.copyOf(top.whenFalse), top.elseLines, lines, top.text)
                : new ForDirective(top.keyVar, top.valueVar, top.collection, List.copyOf(top.body), lines, top.text));
          }
        }
      } else if (quoted && c == '\\') {
        escape(lit);
      } else {
        lit.append(c);
        pos++;
        if (c == '\n') lineStart = true;
      }
    }
    if (!open.isEmpty()) {
      pos = open.peek().start;
      throw error("template directive " + open.peek().text + " is never closed");
    }
    if (lit.length() > 0 || parts.isEmpty()) parts.add(lit.toString());
    Loc loc = new TextLoc(src, start, pos);
    return new Template(List.copyOf(parts), heredoc, directive, contentRange == null ? loc.range() : contentRange, loc);
  }

  /** An open {@code %{ if }} or {@code %{ for }} while its body is read. */
  private static final class DirectiveFrame {
    final int start;
    final List<Object> parent;
    final List<Object> body = new ArrayList<>();
    List<Object> whenFalse;
    Expr condition;
    Expr collection;
    String keyVar;
    String valueVar;
    int elseLines;
    String text;

    DirectiveFrame(int start, List<Object> parent) {
      this.start = start;
      this.parent = parent;
    }
  }

  private int newlines(int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) if (s.charAt(i) == '\n') n++;
    return n;
  }

  /** Removes trailing whitespace but keeps its line breaks, so that lines after it keep their numbers. */
  private static void trimTrailing(StringBuilder sb) {
    int n = sb.length();
    int breaks = 0;
    while (n > 0 && Character.isWhitespace(sb.charAt(n - 1))) {
      if (sb.charAt(n - 1) == '\n') breaks++;
      n--;
    }
    sb.setLength(n);
    sb.append("\n".repeat(breaks));
  }

  private void escape(StringBuilder lit) throws SyntaxError {
    if (pos + 1 >= limit) throw error("unterminated escape sequence");
    char n = s.charAt(pos + 1);
    pos += 2;
    switch (n) {
      case 'n' -> lit.append('\n');
      case 't' -> lit.append('\t');
      case 'r' -> lit.append('\r');
      case '"' -> lit.append('"');
      case '\\' -> lit.append('\\');
      case 'u', 'U' -> {
        int len = n == 'u' ? 4 : 8;
        if (pos + len > limit) throw error("invalid unicode escape");
        try {
          lit.appendCodePoint(Integer.parseInt(s.substring(pos, pos + len), 16));
        } catch (IllegalArgumentException e) {
          throw error("invalid unicode escape");
        }
        pos += len;
      }
      default -> {
        pos -= 2;
        throw error("invalid escape sequence \\" + n);
      }
    }
  }

  // ---- bounds ----

  /** One more level of nesting; errors at the limit rather than risking the stack. */
  private void enter() throws SyntaxError {
    if (++depth > limits.maxNestingDepth()) {
      throw error("nested more than " + limits.maxNestingDepth() + " levels deep (the nesting limit)");
    }
    tick();
  }

  private void tick() throws SyntaxError {
    if ((++ticks & 0x3FF) == 0 && System.nanoTime() - deadline > 0) {
      throw error("parsing took longer than the time budget of " + limits.timeBudget().toSeconds() + "s");
    }
  }

  // ---- lexical helpers ----

  private static boolean isIdStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private String identifier() {
    if (pos >= limit || !isIdStart(s.charAt(pos))) return null;
    int start = pos;
    pos++;
    while (pos < limit && isIdPart(s.charAt(pos))) pos++;
    return s.substring(start, pos);
  }

  private int skipAndMark() {
    skipSpace(nesting > 0);
    return pos;
  }

  /** Skips blanks and comments; newlines too when {@code newlines}. */
  private void skipSpace(boolean newlines) {
    while (pos < limit) {
      char c = s.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
        pos++;
      } else if (c == '\n') {
        if (!newlines) return;
        pos++;
      } else if (c == '#' || (c == '/' && peekAt(1, '/'))) {
        while (pos < limit && s.charAt(pos) != '\n') pos++;
      } else if (c == '/' && peekAt(1, '*')) {
        int close = s.indexOf("*/", pos + 2);
        pos = close < 0 || close + 2 > limit ? limit : close + 2;
      } else {
        return;
      }
    }
  }

  private boolean peek(char c) {
    return pos < limit && s.charAt(pos) == c;
  }

  private boolean peekAt(int ahead, char c) {
    return pos + ahead < limit && s.charAt(pos + ahead) == c;
  }

  private void expect(char c) throws SyntaxError {
    if (!peek(c)) throw error("expected '" + c + "', found " + describe());
    pos++;
  }

  private String describe() {
    if (pos >= limit) return "the end of the file";
    char c = s.charAt(pos);
    if (c == '\n') return "a new line";
    return "'" + c + "'";
  }

  private Loc loc(int start) {
    return new TextLoc(src, start, pos);
  }

  private SyntaxError error(String message) {
    int at = Math.min(pos, Math.max(0, s.length() - 1));
    return new SyntaxError(src.line(at), src.column(at), message);
  }
}
