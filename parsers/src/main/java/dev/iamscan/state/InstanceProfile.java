package dev.iamscan.state;

import dev.iamscan.model.Resource;

/** An IAM instance profile: its name as written (absent when AWS names it) and the role (or roles) it holds. */
public record InstanceProfile(Resource owner, Setting name, Setting roles) {}
