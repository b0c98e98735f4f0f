package dev.iamscan.terraform;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.Value;
import dev.iamscan.terraform.HclSyntax.Attribute;
import dev.iamscan.terraform.HclSyntax.Block;
import dev.iamscan.terraform.HclSyntax.Body;
import dev.iamscan.terraform.HclSyntax.Expr;
import dev.iamscan.terraform.HclSyntax.FixedLoc;
import dev.iamscan.terraform.HclSyntax.Item;
import dev.iamscan.terraform.HclSyntax.Literal;
import dev.iamscan.terraform.HclSyntax.ObjectCons;
import dev.iamscan.terraform.HclSyntax.ObjectItem;
import dev.iamscan.terraform.HclSyntax.SyntaxError;
import dev.iamscan.terraform.HclSyntax.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts Terraform JSON syntax ({@code .tf.json}) into the same blocks as native syntax, so one
 * evaluator serves both. Strings holding {@code ${}} or {@code %{}} become templates; their inner
 * positions are those of the JSON string.
 */
final class TerraformJsonSyntax {
  private final ModuleFiles files;

  TerraformJsonSyntax(ModuleFiles files) {
    this.files = files;
  }

  Body convert(Value.ObjectValue root) {
    List<Item> items = new ArrayList<>();
    for (Value.Field top : root.fields()) {
      switch (top.key()) {
        case "resource", "data" -> {
          for (Value.Field type : objectFields(top.value())) {
            for (Value.Field name : objectFields(type.value())) {
              for (Value.ObjectValue body : objects(name.value())) {
                items.add(block(top, List.of(type.key(), name.key()), body));
              }
            }
          }
        }
        case "provider", "module", "variable" -> {
          for (Value.Field name : objectFields(top.value())) {
            for (Value.ObjectValue body : objects(name.value())) items.add(block(top, List.of(name.key()), body));
          }
        }
        case "locals" -> {
          for (Value.ObjectValue body : objects(top.value())) items.add(block(top, List.of(), body));
        }
        default -> {
          // terraform, output, moved, import: nothing the scanner reads
        }
      }
    }
    return new Body(items);
  }

  private Block block(Value.Field header, List<String> labels, Value.ObjectValue body) {
    return new Block(header.key(), labels, new FixedLoc(header.keyRange(), header.key()), body(body),
        new FixedLoc(header.range().span(body.range()), header.key()));
  }

  private Body body(Value.ObjectValue obj) {
    List<Item> items = new ArrayList<>();
    for (Value.Field f : obj.fields()) {
      if (f.key().equals("dynamic")) {
        for (Value.Field label : objectFields(f.value())) {
          for (Value.ObjectValue dyn : objects(label.value())) {
            List<Item> inner = new ArrayList<>();
            for (Value.Field d : dyn.fields()) {
              if (d.key().equals("content")) {
                for (Value.ObjectValue c : objects(d.value())) {
                  inner.add(new Block("content", List.of(), new FixedLoc(d.keyRange(), "content"), body(c),
                      new FixedLoc(d.range(), "content")));
                }
              } else {
                inner.add(new Attribute(d.key(), new FixedLoc(d.keyRange(), d.key()), expr(d.value())));
              }
            }
            items.add(new Block("dynamic", List.of(label.key()), new FixedLoc(label.keyRange(), label.key()),
                new Body(inner), new FixedLoc(label.range(), label.key())));
          }
        }
        continue;
      }
      items.add(new Attribute(f.key(), new FixedLoc(f.keyRange(), f.key()), expr(f.value())));
    }
    return new Body(items);
  }

  private Expr expr(Value v) {
    if (v instanceof Value.Text t && (t.value().contains("${") || t.value().contains("%{"))) {
      try {
        return HclParser.parseTemplate(SourceText.embedded(t.value(), t.range()), t.range(), files.limits());
      } catch (SyntaxError e) {
        files.add(Diagnostic.error(t.range().file(), t.range().startLine(), t.range().startColumn(),
            "invalid template in JSON string: " + e.getMessage()));
        return new Literal(new Value.Unknown(t.value(), t.range()), new FixedLoc(t.range(), t.value()));
      }
    }
    if (v instanceof Value.ObjectValue o) {
      List<ObjectItem> items = new ArrayList<>();
      for (Value.Field f : o.fields()) {
        Value.Text key = new Value.Text(f.key(), f.keyRange());
        items.add(new ObjectItem(new Literal(key, new FixedLoc(f.keyRange(), f.key())), expr(f.value())));
      }
      return new ObjectCons(items, new FixedLoc(o.range(), "{...}"));
    }
    if (v instanceof Value.ListValue l) {
      List<Expr> items = new ArrayList<>();
      for (Value item : l.items()) items.add(expr(item));
      return new Tuple(items, new FixedLoc(l.range(), "[...]"));
    }
    return new Literal(v, new FixedLoc(v.range(), v.scalar().orElse("null")));
  }

  private static List<Value.Field> objectFields(Value v) {
    return v instanceof Value.ObjectValue o ? o.fields() : List.of();
  }

  /** A block body in JSON is an object, or a list of objects for repeated blocks. */
  private static List<Value.ObjectValue> objects(Value v) {
    List<Value.ObjectValue> out = new ArrayList<>();
    for (Value e : v.elements()) if (e instanceof Value.ObjectValue o) out.add(o);
    return out;
  }
}
