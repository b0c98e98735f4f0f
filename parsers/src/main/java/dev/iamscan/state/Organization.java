package dev.iamscan.state;

import dev.iamscan.model.Resource;

/** An AWS Organization; an absent feature set means ALL. */
public record Organization(Resource owner, Setting featureSet) {}
