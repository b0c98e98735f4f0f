package dev.iamscan.model;

import java.util.Objects;

/**
 * One step of the chain of Terraform {@code module} calls that created a resource.
 *
 * @param address the call as Terraform names it inside its caller: {@code module.bucket}, or with the
 *     instance key {@code module.users["alice"]} / {@code module.bucket[0]}
 * @param callerScope the scope of the module instance the {@code module} block was written in
 * @param range the {@code module} block, from its header to its end
 */
public record ModuleCall(String address, String callerScope, SourceRange range) {
  public ModuleCall {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(callerScope, "callerScope");
    Objects.requireNonNull(range, "range");
  }

  /** The call without its instance key ({@code module.users}): what stays the same for every instance. */
  public String callName() {
    int k = address.indexOf('[');
    return k < 0 ? address : address.substring(0, k);
  }
}
