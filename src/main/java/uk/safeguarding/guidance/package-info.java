/**
 * The Safeguarding Guidance Assistant: entry point, configuration and wiring. Dependencies point
 * one way: {@code http → answer → search → index → corpus}.
 */
package uk.safeguarding.guidance;
