package dev.iamscan.rules.grammar;

import dev.iamscan.iam.IamView;
import dev.iamscan.iam.IdentityPolicy;
import dev.iamscan.iam.ResourcePolicy;
import dev.iamscan.iam.TrustPolicy;
import dev.iamscan.json.JsonValueReader;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.schema.SchemaChecks.PolicyKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The policy documents of the IAM view in their JSON form, as written: objects ({@code jsonencode},
 * CloudFormation) and JSON strings (heredocs, {@code file()}), each once. Documents built by
 * {@code data "aws_iam_policy_document"} are not JSON as written and are left to Terraform.
 */
record PolicySources(Value document, Resource owner, PolicyKind kind) {
  private static final int MAX_DEPTH = 8;

  static List<PolicySources> all(IamView iam) {
    List<PolicySources> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (IdentityPolicy p : iam.identityPolicies()) add(out, seen, p.owner(), p.at(), PolicyKind.IDENTITY);
    for (TrustPolicy p : iam.trustPolicies()) add(out, seen, p.role(), p.at(), PolicyKind.TRUST);
    for (ResourcePolicy p : iam.resourcePolicies()) {
      // An EventBridge bus policy's Statement property is one statement, not a document.
      if (p.form() == ResourcePolicy.Form.STATEMENT) continue;
      // Types whose policy is resource-based require a Principal; others the view lists by name
      // alone may hold identity-like documents and get the rules both kinds share.
      add(out, seen, p.owner(), p.at(), p.form() == ResourcePolicy.Form.RESOURCE ? PolicyKind.RESOURCE : PolicyKind.ANY);
    }
    return out;
  }

  private static void add(List<PolicySources> out, Set<String> seen, Resource owner, SourceRange at, PolicyKind kind) {
    Value written = find(owner.body(), at, 0);
    if (written == null) return;
    List<Value> forms = new ArrayList<>();
    jsonForms(written, forms, 0);
    for (Value v : forms) {
      // A module instantiated twice holds the same text twice: check it once.
      if (seen.add(v.range() + "|" + kind)) out.add(new PolicySources(v, owner, kind));
    }
  }

  /** The value whose field (or which itself) spans {@code at}: the view keeps where, not what. */
  private static Value find(Value v, SourceRange at, int depth) {
    if (depth > MAX_DEPTH) return null;
    if (v.range().equals(at) && depth > 0) return v;
    if (v instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) {
        if (f.range().equals(at)) return f.value();
        Value in = find(f.value(), at, depth + 1);
        if (in != null) return in;
      }
    } else if (v instanceof Value.ListValue l) {
      for (Value i : l.items()) {
        Value in = find(i, at, depth + 1);
        if (in != null) return in;
      }
    }
    return null;
  }

  /** Objects as they are, JSON text read (text that does not parse is IAM064's), both branches of a conditional. */
  private static void jsonForms(Value v, List<Value> out, int depth) {
    if (depth > MAX_DEPTH) return;
    if (v instanceof Value.ObjectValue) {
      out.add(v);
    } else if (v instanceof Value.Text t && !t.value().isBlank()) {
      JsonValueReader.Result r = JsonValueReader.readEmbedded(t);
      if (r.ok() && r.value() instanceof Value.ObjectValue) out.add(r.value());
    } else if (v instanceof Value.Unknown u && u.partial() != null) {
      // A template with unresolved parts: its structure is known, the parts holding holes are not.
      JsonValueReader.Result r = JsonValueReader.readEmbedded(u.partial());
      if (r.ok() && r.value() instanceof Value.ObjectValue) out.add(r.value());
    } else if (v instanceof Value.Conditional c) {
      jsonForms(c.whenTrue(), out, depth + 1);
      jsonForms(c.whenFalse(), out, depth + 1);
    }
  }
}
