/**
 * HTTP: server wiring, thin controllers, input validation, JSON error mapping, security headers
 * and rate limits. The only package that imports Javalin.
 */
package uk.safeguarding.guidance.http;
