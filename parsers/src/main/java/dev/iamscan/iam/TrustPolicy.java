package dev.iamscan.iam;

import dev.iamscan.model.Resource;
import dev.iamscan.model.SourceRange;
import dev.iamscan.policy.PolicyDocument;

/** A role's trust policy: who may assume it. */
public record TrustPolicy(PolicyDocument document, Resource role, SourceRange at) {}
