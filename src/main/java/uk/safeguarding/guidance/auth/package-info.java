/**
 * Trainer accounts: PBKDF2 password hashes, API tokens (stored hashed), server-side sessions with
 * CSRF tokens, a login rate limit, and the command-line tools that create accounts and tokens.
 * Knows nothing of HTTP; the http package turns these into cookies and headers.
 */
package uk.safeguarding.guidance.auth;
