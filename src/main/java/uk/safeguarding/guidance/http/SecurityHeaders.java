package uk.safeguarding.guidance.http;

import java.util.Map;

/** The headers every response carries, from the app or from Jetty itself. */
final class SecurityHeaders {

  /** No inline script or style, nothing from another origin: the page works on a closed network. */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";

  static final Map<String, String> ALL = Map.of(
      "Content-Security-Policy", CSP,
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Referrer-Policy", "no-referrer",
      "Permissions-Policy", "camera=(), microphone=(), geolocation=()",
      "Cross-Origin-Opener-Policy", "same-origin");

  private SecurityHeaders() {}
}
