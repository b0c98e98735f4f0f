package dev.iamscan.state;

import dev.iamscan.model.Resource;
import java.util.Optional;

/**
 * An EC2 launch template.
 *
 * @param namesProfile whether its data names an instance profile; empty when its data is not known
 * @param serviceManaged whether a service that gives instances their role itself (EKS managed node
 *     groups, Batch compute environments) uses it
 * @param userData the user data it starts instances with
 */
public record LaunchTemplate(Resource owner, Optional<Boolean> namesProfile, boolean serviceManaged, Setting userData) {}
