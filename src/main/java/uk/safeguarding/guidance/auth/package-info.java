/**
 * Trainer accounts: PBKDF2 password hashes, API tokens and sign-in sessions (both stored only as
 * hashes, in the store's database so every replica honours them), CSRF tokens, a login rate limit
 * (failures counted in the shared database too, when replicas share one), and the command-line
 * tools that create accounts and tokens. Knows nothing of HTTP; the http package turns these into
 * cookies and headers.
 */
package uk.safeguarding.guidance.auth;
