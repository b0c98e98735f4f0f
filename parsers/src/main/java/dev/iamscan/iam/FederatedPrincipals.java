package dev.iamscan.iam;

import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Federated} principals of a trust policy that are not plain strings: references to an
 * OIDC provider of the scan ({@code aws_iam_openid_connect_provider.github.arn}, {@code !Ref
 * GithubProvider}) and expressions such as {@code !Sub arn:aws:iam::${AWS::AccountId}:oidc-provider/...}.
 * The policy reader keeps only known strings as principals; these say which provider a statement
 * trusts even when its ARN is computed. Plain strings are in {@code PolicyStatement.principals()}.
 */
public final class FederatedPrincipals {
  private static final int MAX_DEPTH = 24;

  /**
   * One unresolved federated principal.
   *
   * @param value the reference or unknown expression as written
   * @param provider the OIDC provider resource of the scan it refers to, if any
   */
  public record Entry(Value value, Resource provider) {
    public SourceRange range() {
      return value.range();
    }

    public Optional<Resource> providerResource() {
      return Optional.ofNullable(provider);
    }

    /** How the principal reads in messages. */
    public String text() {
      if (value instanceof Value.Reference r) return r.expression();
      if (value instanceof Value.Unknown u) return u.expression();
      return "(unresolved)";
    }
  }

  private FederatedPrincipals() {}

  /** Every unresolved federated principal of a role's trust policy, wherever it was written. */
  public static List<Entry> of(ResourceModel model, TrustPolicy trust) {
    Resource role = trust.role();
    Optional<Value> raw = role.body().get("assume_role_policy").or(() -> role.body().get("AssumeRolePolicyDocument"));
    List<Entry> out = new ArrayList<>();
    raw.ifPresent(v -> walk(model, v, role, out, 0));
    return out;
  }

  /** Those written inside {@code within} (a statement's range). */
  public static List<Entry> within(List<Entry> entries, SourceRange within) {
    return entries.stream().filter(e -> contains(within, e.range())).toList();
  }

  private static void walk(ResourceModel model, Value v, Resource owner, List<Entry> out, int depth) {
    if (depth > MAX_DEPTH) return;
    if (v instanceof Value.Reference ref) {
      model.resolve(owner, ref)
          .filter(t -> t.kind().equals("data") && t.type().equals("aws_iam_policy_document"))
          .ifPresent(ds -> walk(model, ds.body(), ds, out, depth + 1));
    } else if (v instanceof Value.ObjectValue o) {
      for (Value.Field f : o.fields()) {
        if (f.key().equals("Federated")) {
          collect(model, f.value(), owner, out);
        } else if (f.key().equals("principals") && f.value() instanceof Value.ObjectValue p
            && p.string("type").map("Federated"::equals).orElse(false)) {
          p.get("identifiers").ifPresent(ids -> collect(model, ids, owner, out));
        } else {
          walk(model, f.value(), owner, out, depth + 1);
        }
      }
    } else if (v instanceof Value.ListValue l) {
      for (Value i : l.items()) walk(model, i, owner, out, depth + 1);
    } else if (v instanceof Value.Conditional c) {
      walk(model, c.whenTrue(), owner, out, depth + 1);
      walk(model, c.whenFalse(), owner, out, depth + 1);
    }
  }

  private static void collect(ResourceModel model, Value v, Resource owner, List<Entry> out) {
    if (v instanceof Value.ListValue l) {
      for (Value i : l.items()) collect(model, i, owner, out);
    } else if (v instanceof Value.Conditional c) {
      collect(model, c.whenTrue(), owner, out);
      collect(model, c.whenFalse(), owner, out);
    } else if (v instanceof Value.Reference ref) {
      Resource provider = model.resolve(owner, ref).filter(FederatedPrincipals::isOidcProvider).orElse(null);
      out.add(new Entry(v, provider));
    } else if (v instanceof Value.Unknown) {
      out.add(new Entry(v, null));
    }
  }

  static boolean isOidcProvider(Resource r) {
    return r.type().equals("aws_iam_openid_connect_provider") || r.type().equals("AWS::IAM::OIDCProvider");
  }

  private static boolean contains(SourceRange outer, SourceRange inner) {
    if (!outer.file().equals(inner.file())) return false;
    boolean startsAfter = inner.startLine() > outer.startLine()
        || (inner.startLine() == outer.startLine() && inner.startColumn() >= outer.startColumn());
    boolean endsBefore = inner.endLine() < outer.endLine()
        || (inner.endLine() == outer.endLine() && inner.endColumn() <= outer.endColumn());
    return startsAfter && endsBefore;
  }
}
