package dev.iamscan.state;

import dev.iamscan.model.Resource;

/** A CloudTrail trail and the settings that decide what it records and how it protects it. */
public record Trail(Resource owner, Setting logging, Setting multiRegion, Setting logFileValidation,
    Setting kmsKey, Setting cloudWatchLogs, Setting globalServiceEvents) {}
