package dev.iamscan.rules;

import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.List;

/** Hand-built model values for rule unit tests (no parsing). Every value sits on the line given. */
public final class Models {
  private Models() {}

  public static SourceRange at(String file, int line) {
    return SourceRange.at(file, line, 1);
  }

  public static Value.Text text(String s, int line) {
    return new Value.Text(s, at("t", line));
  }

  public static Value.Unknown unknown(String expression, int line) {
    return new Value.Unknown(expression, at("t", line));
  }

  public static Value.ListValue list(int line, Value... items) {
    return new Value.ListValue(List.of(items), at("t", line));
  }

  /** {@code obj(3, "Effect", text("Allow", 4), ...)}: alternating keys and values. */
  public static Value.ObjectValue obj(int line, Object... keyValues) {
    List<Value.Field> fields = new ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Value v = (Value) keyValues[i + 1];
      fields.add(new Value.Field((String) keyValues[i], v.range(), v));
    }
    return new Value.ObjectValue(fields, at("t", line));
  }

  public static Resource tf(String type, String name, Value.ObjectValue body) {
    return new Resource(Format.TERRAFORM, "resource", type, name, ".", body,
        Value.ObjectValue.empty(body.range()), body.range(), List.of());
  }

  public static Resource cfn(String type, String logicalId, Value.ObjectValue properties) {
    return new Resource(Format.CLOUDFORMATION, "resource", type, logicalId, "t.yaml", properties,
        Value.ObjectValue.empty(properties.range()), properties.range(), List.of());
  }
}
