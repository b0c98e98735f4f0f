package dev.iamscan.state;

import dev.iamscan.model.Resource;

/**
 * An access key the source creates.
 *
 * @param user the user it is for
 * @param status Active or Inactive; absent means Active
 */
public record AccessKey(Resource owner, Setting user, Setting status) {}
