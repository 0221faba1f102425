/** Care with personal data in practitioners' questions: masking identifiers before anything is kept. */
package uk.safeguarding.guidance.privacy;
