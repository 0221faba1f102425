/**
 * Operational plumbing every package may use: the logging set-up (java.util.logging routed into
 * SLF4J and Logback), telling a client that went away from a real fault, and {@link
 * uk.safeguarding.guidance.log.Progress} lines with rate and ETA for long runs. A leaf: it imports
 * nothing from the rest of the project.
 */
package uk.safeguarding.guidance.log;
