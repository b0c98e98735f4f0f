package dev.iamscan.iam;

import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.policy.PolicyDocument;

/**
 * An AWS Organizations service or resource control policy: IAM policy grammar that limits what the
 * accounts of an organization may do. It grants nothing itself, so the grant rules leave it alone;
 * grammar checks read it.
 */
public record ServiceControlPolicy(PolicyDocument document, Resource owner, SourceRange at) {}
