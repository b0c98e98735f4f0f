package dev.iamscan.rules.trust;

import dev.iamscan.iam.FederatedPrincipals;
import dev.iamscan.iam.TrustPolicy;
import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import dev.iamscan.policy.ConditionClause;
import dev.iamscan.policy.LocatedString;
import dev.iamscan.policy.PolicyPrincipal;
import dev.iamscan.policy.PolicyStatement;
import dev.iamscan.rules.Category;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.rules.Severity;
import dev.iamscan.rules.support.PolicyMessages;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A role trusted by an OIDC identity provider (GitHub Actions, EKS service accounts, GitLab, ...)
 * for {@code sts:AssumeRoleWithWebIdentity} without a condition on the token's subject.
 */
public final class WebIdentityWithoutSubjectRule implements Rule {
  static final RuleMetadata METADATA = RuleMetadata.builder("IAM034", "web-identity-trust-without-subject")
      .category(Category.OPEN_TRUST_POLICY).severity(Severity.HIGH).precision(RuleMetadata.Precision.HIGH)
      .summary("Role trusted by an OIDC provider without a condition on the token subject")
      .description("""
          A role that trusts an OIDC identity provider (`Federated` principal \
          `arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com`, an EKS \
          cluster's provider, GitLab, ...) for `sts:AssumeRoleWithWebIdentity` accepts every token \
          that provider signs. Without a condition on the token's `sub` claim, that is every \
          workflow of every repository on GitHub, or every service account of the cluster: anyone \
          who can run a GitHub workflow can take the role. The `aud` claim does not help: for GitHub \
          it is `sts.amazonaws.com` for everyone.

          A `sub` condition counts when it is a `StringEquals` or `StringLike` test with a value \
          that names something (`repo:my-org/my-repo:ref:refs/heads/main`, `repo:my-org/*`); values \
          that are only wildcards, `repo:*` or `system:serviceaccount:*` do not. A provider written \
          as a variable whose value the scan does not know is reported only when the statement has \
          no condition at all (a Cognito identity pool, the other possible case, is limited through \
          `aud`).
          """)
      .remediation("""
          add a `StringEquals` (or `StringLike`) condition on `<provider>:sub` that names the \
          repository and branch or environment (GitHub), or the namespace and service account (EKS), \
          besides the `aud` test.
          """)
      .noncompliant("json", """
          {"Effect": "Allow",
           "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
           "Action": "sts:AssumeRoleWithWebIdentity",
           "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}
          """)
      .compliant("json", """
          {"Effect": "Allow",
           "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
           "Action": "sts:AssumeRoleWithWebIdentity",
           "Condition": {
             "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
             "StringLike": {"token.actions.githubusercontent.com:sub": "repo:my-org/my-repo:ref:refs/heads/main"}}}
          """)
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html",
          "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
          "https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html")
      .build();

  private static final Pattern OIDC_ARN = Pattern.compile(":oidc-provider/([^\\s\"'$}]+)");
  /** Subject values that name nothing: the claim's fixed prefix followed by wildcards. */
  private static final List<String> EMPTY_SUBJECT_PREFIXES = List.of("repo:", "system:serviceaccount:", "project_path:");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  public void check(ScanContext context, FindingSink sink) {
    for (TrustPolicy trust : context.iam().trustPolicies()) {
      List<FederatedPrincipals.Entry> unresolved = null;
      for (PolicyStatement s : trust.document().statements()) {
        if (!s.allows() || s.notPrincipal() || s.conditionsUnknown()) continue;
        if (TrustStatements.allowing(s, List.of(TrustStatements.WEB_IDENTITY)).isEmpty()) continue;
        if (s.conditions().stream().anyMatch(WebIdentityWithoutSubjectRule::pinsSubject)) continue;
        for (PolicyPrincipal p : s.principals()) {
          if (!p.type().equals("Federated")) continue;
          Matcher m = OIDC_ARN.matcher(p.id());
          if (m.find()) report(sink, trust, s, p.range(), "\"" + p.id() + "\"", m.group(1), null);
        }
        if (unresolved == null) unresolved = FederatedPrincipals.of(context.model(), trust);
        for (FederatedPrincipals.Entry e : FederatedPrincipals.within(unresolved, s.range())) {
          Optional<Resource> provider = e.providerResource();
          if (provider.isPresent()) {
            report(sink, trust, s, e.range(), e.text(), hostOf(context, provider.get()), provider.get());
            continue;
          }
          Matcher m = OIDC_ARN.matcher(e.text());
          if (m.find()) {
            report(sink, trust, s, e.range(), e.text(), m.group(1), null);
          } else if (e.value() instanceof Value.Unknown && s.conditions().isEmpty()) {
            // Whatever provider this is (OIDC or a Cognito pool), with no condition any token it signs is accepted.
            report(sink, trust, s, e.range(), e.text(), null, null);
          }
        }
      }
    }
  }

  private static void report(FindingSink sink, TrustPolicy trust, PolicyStatement s, SourceRange at,
      String principal, String host, Resource provider) {
    String claim = (host == null ? "<provider>" : host) + ":sub";
    String aud = s.conditions().isEmpty() ? "no condition at all" : "no condition on " + claim;
    List<Finding.Related> related = provider == null ? List.of()
        : List.of(new Finding.Related("OIDC provider " + provider.displayName(), provider.headRange()));
    sink.report(new Finding(METADATA, METADATA.severity(),
        "%s trust policy %s lets web identities of %s assume the role with %s: every token the provider issues (any repository, any service account) is accepted"
            .formatted(TrustStatements.roleName(trust), s.label(),
                // The provider of the scan by its address, not by the reference text naming its ARN.
                provider == null ? principal : provider.displayName(), aud),
        at, trust.role().address(), principal, PolicyMessages.with(related, PolicyMessages.related(trust))));
  }

  /** The host of a provider resource's URL, or null when it is not known. */
  private static String hostOf(ScanContext context, Resource provider) {
    Optional<String> url = context.state().oidcProvider(provider).flatMap(p -> p.url().value()).flatMap(Value::scalar);
    return url.map(u -> u.replaceFirst("^https://", "").replaceAll("/+$", "")).orElse(null);
  }

  /** A non-negated string test on a {@code :sub} claim with values that name something. */
  static boolean pinsSubject(ConditionClause c) {
    if (!c.lowerKey().endsWith(":sub") || c.negated()) return false;
    String op = c.baseOperator().toLowerCase(Locale.ROOT);
    if (!op.startsWith("string")) return false;
    if (c.hasUnknown()) return true;
    if (c.values().isEmpty()) return false;
    return c.values().stream().map(LocatedString::value).allMatch(WebIdentityWithoutSubjectRule::namesSomething);
  }

  static boolean namesSomething(String value) {
    String rest = value.replace("*", "").replace("?", "");
    for (String prefix : EMPTY_SUBJECT_PREFIXES) {
      if (rest.toLowerCase(Locale.ROOT).startsWith(prefix)) rest = rest.substring(prefix.length());
    }
    return !rest.replace(":", "").replace("/", "").isBlank();
  }
}
