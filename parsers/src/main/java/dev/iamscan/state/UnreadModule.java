package dev.iamscan.state;

import dev.iamscan.model.Resource;

/**
 * A module call whose module the scan did not read: a registry, git or other remote source that
 * {@code terraform init} has not downloaded beside the root. What it creates is not in the scan.
 *
 * @param call the {@code module} block
 * @param source where the module comes from, as written
 */
public record UnreadModule(Resource call, Setting source) {}
