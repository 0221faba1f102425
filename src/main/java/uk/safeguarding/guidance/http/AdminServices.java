package uk.safeguarding.guidance.http;

import uk.safeguarding.guidance.auth.Accounts;
import uk.safeguarding.guidance.auth.LoginLimiter;
import uk.safeguarding.guidance.auth.Sessions;
import uk.safeguarding.guidance.curate.Curator;
import uk.safeguarding.guidance.learning.LearningStore;

/**
 * The services behind the trainers' pages and API, built once at start-up.
 *
 * @param secureCookies mark the session cookie Secure on every response, not only over TLS
 */
public record AdminServices(Curator curator, LearningStore learning, Accounts accounts, Sessions sessions,
    LoginLimiter loginLimiter, boolean secureCookies) {}
