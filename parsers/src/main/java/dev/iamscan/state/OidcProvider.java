package dev.iamscan.state;

import dev.iamscan.model.Resource;

/** An IAM OpenID Connect identity provider and its issuer URL. */
public record OidcProvider(Resource owner, Setting url) {}
