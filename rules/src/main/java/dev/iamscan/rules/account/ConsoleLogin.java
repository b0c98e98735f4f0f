package dev.iamscan.rules.account;

import dev.iamscan.iam.PrincipalKind;
import dev.iamscan.iam.PrincipalRef;
import dev.iamscan.model.Format;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A console password given to an IAM user: a Terraform {@code aws_iam_user_login_profile}, or the
 * {@code LoginProfile} of a CloudFormation {@code AWS::IAM::User}.
 *
 * @param owner the resource that writes it
 * @param user the user it belongs to, named the way the IAM view names identities
 * @param at where a finding about the login as a whole points
 * @param settings the login profile's own attributes (Terraform body or CloudFormation LoginProfile)
 */
record ConsoleLogin(Resource owner, PrincipalRef user, SourceRange at, Value.ObjectValue settings) {
  static final String TF_TYPE = "aws_iam_user_login_profile";
  static final String CFN_TYPE = "AWS::IAM::User";

  /** Every console login of the scan, in scan order. */
  static List<ConsoleLogin> all(ResourceModel model) {
    List<ConsoleLogin> out = new ArrayList<>();
    for (Resource r : model.resources()) {
      if (!r.kind().equals("resource")) continue;
      if (r.format() == Format.TERRAFORM && r.type().equals(TF_TYPE)) {
        out.add(new ConsoleLogin(r, userOf(model, r), r.headRange(), r.body()));
      } else if (r.format() == Format.CLOUDFORMATION && r.type().equals(CFN_TYPE)) {
        Optional<Value.Field> lp = Settings.written(r, "LoginProfile");
        if (lp.isEmpty()) continue;
        Value.ObjectValue settings = lp.get().value() instanceof Value.ObjectValue o
            ? o : Value.ObjectValue.empty(lp.get().keyRange());
        out.add(new ConsoleLogin(r, new PrincipalRef(PrincipalKind.USER, r, r.displayName(), r.headRange()),
            lp.get().keyRange(), settings));
      }
    }
    return out;
  }

  /** The user a Terraform login profile names, resolved the way the IAM view resolves attachments. */
  private static PrincipalRef userOf(ResourceModel model, Resource profile) {
    Optional<Value> v = profile.body().get("user");
    if (v.isEmpty()) return new PrincipalRef(PrincipalKind.USER, null, "(no user)", profile.headRange());
    Value user = v.get();
    if (user instanceof Value.Reference ref) {
      return model.resolve(profile, ref)
          .map(t -> new PrincipalRef(PrincipalKind.USER, t, t.displayName(), user.range()))
          .orElseGet(() -> new PrincipalRef(PrincipalKind.USER, null, ref.expression(), user.range()));
    }
    if (user.scalar().isPresent()) {
      String name = user.scalar().get();
      for (Resource u : model.ofType("aws_iam_user")) {
        if (u.scope().equals(profile.scope()) && u.body().string("name").map(name::equals).orElse(false)) {
          return new PrincipalRef(PrincipalKind.USER, u, u.displayName(), user.range());
        }
      }
      return new PrincipalRef(PrincipalKind.USER, null, name, user.range());
    }
    String text = user instanceof Value.Unknown u ? u.expression() : "(unresolved)";
    return new PrincipalRef(PrincipalKind.USER, null, text, user.range());
  }

  /** How messages name the user. */
  String userName() {
    return user.name();
  }
}
