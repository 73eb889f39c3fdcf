package org.aimonitor.web;

import java.util.Map;

/** The headers every response carries: the app's own pages and Jetty's answers alike. */
public final class SecurityHeaders {

  /**
   * No inline script or style anywhere: chart data travel as JSON in script elements of type
   * application/json, which the browser never executes.
   */
  public static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "frame-ancestors 'none'",
      "form-action 'self'");

  /** Sent with every response, including Jetty's own answers to unreadable requests. */
  public static final Map<String, String> ALL = Map.of(
      "Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "strict-origin-when-cross-origin",
      "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()",
      "X-Frame-Options", "DENY");

  private SecurityHeaders() {
  }
}
