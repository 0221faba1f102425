package uk.safeguarding.guidance.curate;

/**
 * Where each change a trainer makes is recorded: who, what, to which target, and a line of detail.
 * Implementations must be thread-safe; the learning store's audit log is the usual one.
 */
@FunctionalInterface
public interface AuditTrail {

  void record(String actor, String action, String target, String detail);
}
