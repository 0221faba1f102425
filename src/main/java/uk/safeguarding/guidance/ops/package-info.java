/**
 * Operational plumbing every package may use: the command line's shared handling ({@link
 * uk.safeguarding.guidance.ops.Commands}: help, version, exit codes), the logging set-up
 * (java.util.logging routed into SLF4J and Logback), telling a client that went away from a real
 * fault, {@link uk.safeguarding.guidance.ops.Progress} lines with rate and ETA for long runs, and
 * the one SHA-256 helper ({@link uk.safeguarding.guidance.ops.Hashes}) and HTML escaper
 * ({@link uk.safeguarding.guidance.ops.Html}), and giving memory back to the machine after start-up
 * and when idle ({@link uk.safeguarding.guidance.ops.IdleMemory}).
 * A leaf: it imports nothing from the rest of the project.
 */
package uk.safeguarding.guidance.ops;
