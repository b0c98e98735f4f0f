package dev.iamscan.state;

import dev.iamscan.model.Resource;

/** An IAM Access Analyzer. */
public record AccessAnalyzer(Resource owner) {}
