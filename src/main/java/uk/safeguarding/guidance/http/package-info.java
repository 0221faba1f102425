/**
 * HTTP: server wiring, thin controllers, input validation, JSON error mapping, security headers,
 * rate limits and the search response cache. The only package that imports Javalin.
 */
package uk.safeguarding.guidance.http;
