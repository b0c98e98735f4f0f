package dev.iamscan.state;

import dev.iamscan.model.Resource;

/** An IAM instance profile and the role (or roles) it holds. */
public record InstanceProfile(Resource owner, Setting roles) {}
