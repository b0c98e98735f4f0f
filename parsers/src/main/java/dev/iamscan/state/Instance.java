package dev.iamscan.state;

import dev.iamscan.model.Resource;
import java.util.Optional;

/**
 * An EC2 instance, or a launch configuration (instances an Auto Scaling group starts).
 *
 * @param launchConfiguration whether this is a launch configuration rather than an instance
 * @param profile its own instance profile
 * @param usesLaunchTemplate whether it names a launch template, which may give the profile
 * @param launchTemplate the launch template of the scan it names, when resolved
 * @param userData the user data it starts with
 */
public record Instance(Resource owner, boolean launchConfiguration, Setting profile, boolean usesLaunchTemplate,
    Optional<LaunchTemplate> launchTemplate, Setting userData) {}
