package dev.iamscan.state;

import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a value uses the credentials of an access key of the scan: references to the key's
 * secret or id, the references an unknown value was computed from, and references written inside
 * the text of an unresolved expression (an interpolation, a {@code Fn::Sub}). Each format says how
 * its references name a key's parts.
 */
final class KeyUseFinder {
  private final ResourceModel model;
  private final Map<Resource, AccessKey> keys = new IdentityHashMap<>();
  /** The credential an attribute of an access key is (null: the reference itself), or null for none. */
  private final Function<String, ReadablePlace.Part> partOf;
  /**
   * References in expression text, for a format whose unknowns do not keep their references: group
   * 1 the key's address, group 2 its attribute (may be absent); null when unknowns keep them.
   */
  private final Pattern inText;

  KeyUseFinder(ResourceModel model, List<AccessKey> accessKeys, Function<String, ReadablePlace.Part> partOf,
      Pattern inText) {
    this.model = model;
    for (AccessKey k : accessKeys) keys.put(k.owner(), k);
    this.partOf = partOf;
    this.inText = inText;
  }

  /** The uses of access keys in a place's content, written in {@code owner}. */
  List<ReadablePlace.KeyUse> find(Resource owner, Setting content) {
    List<ReadablePlace.KeyUse> out = new ArrayList<>();
    if (keys.isEmpty()) return out;
    content.written().ifPresent(f -> walk(owner, f.value(), f, out, 0));
    return out;
  }

  private void walk(Resource owner, Value v, Value.Field field, List<ReadablePlace.KeyUse> out, int depth) {
    if (depth > 32) return;
    if (v instanceof Value.Reference r) {
      use(owner, r, field, out);
    } else if (v instanceof Value.Unknown u) {
      for (Value.Reference r : u.references()) use(owner, r, field, out);
      Matcher m = inText == null ? null : inText.matcher(u.expression());
      while (m != null && m.find()) {
        ReadablePlace.Part part = partOf.apply(m.group(2));
        if (part == null) continue;
        Optional<AccessKey> key = model.lookup(owner.scope(), m.group(1)).map(keys::get);
        if (key.isPresent()) add(owner, key.get(), part, u.range(), field, m.group(), out);
      }
    } else if (v instanceof Value.Conditional c) {
      walk(owner, c.whenTrue(), field, out, depth + 1);
      walk(owner, c.whenFalse(), field, out, depth + 1);
    } else if (v instanceof Value.ListValue l) {
      for (Value i : l.items()) walk(owner, i, field, out, depth + 1);
    } else if (v instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) walk(owner, f.value(), within(owner, f) ? f : field, out, depth + 1);
    }
  }

  private void use(Resource owner, Value.Reference r, Value.Field field, List<ReadablePlace.KeyUse> out) {
    ReadablePlace.Part part = partOf.apply(r.attribute());
    if (part == null) return;
    AccessKey key = model.resolve(owner, r).map(keys::get).orElse(null);
    if (key != null) add(owner, key, part, r.range(), field, r.expression(), out);
  }

  private static void add(Resource owner, AccessKey key, ReadablePlace.Part part, SourceRange written,
      Value.Field field, String expression, List<ReadablePlace.KeyUse> out) {
    SourceRange at = contains(owner.range(), written) ? written : field.keyRange();
    for (ReadablePlace.KeyUse u : out) {
      if (u.key() == key && u.part() == part && u.at().equals(at)) return;
    }
    out.add(new ReadablePlace.KeyUse(key, part, at, written, expression));
  }

  private static boolean within(Resource owner, Value.Field f) {
    return contains(owner.range(), f.keyRange());
  }

  private static boolean contains(SourceRange outer, SourceRange inner) {
    return outer.file().equals(inner.file())
        && inner.startLine() >= outer.startLine() && inner.startLine() <= outer.endLine();
  }
}
