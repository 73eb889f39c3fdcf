package org.aimonitor.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Every setting of the app, read from the environment. {@link #VARIABLES} is the single list of
 * names, defaults and meanings; the README's configuration table repeats it.
 */
public record Settings(int port, Path dbPath, String adminToken, String adminLabel, boolean https,
    long pageCacheBytes, Operations operations, Limits limits) {

  /**
   * How the site faces its readers and its operator: the public address links use
   * ({@code publicOrigin}, null when unset), whether proxy headers are believed, and what is
   * measured and logged ({@code metricsPort} -1 when unset).
   */
  public record Operations(String publicOrigin, boolean trustProxy, boolean metrics,
      int metricsPort, boolean accessLog) {

    /** Nothing set: links on the request's Host, no metrics, no access log. */
    public static final Operations NONE = new Operations(null, false, false, -1, false);

    /** Whether /metrics is served at all (on the main port or its own). */
    public boolean metricsOn() {
      return metrics || metricsPort >= 0;
    }
  }

  /** An environment variable the app reads; an empty default means "not set". */
  public record Variable(String name, String defaultValue, String help) {

    /** The default as the README's configuration table writes it. */
    public String documentedDefault() {
      return defaultValue.isEmpty() ? "(unset)" : "`" + defaultValue + "`";
    }
  }

  /** Shorter admin tokens are refused: the token is the only thing guarding the import. */
  public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

  public static final Variable PORT = new Variable("PORT", "8080",
      "TCP port the HTTP server listens on (0 picks a free port).");
  public static final Variable DB_PATH = new Variable("AIM_DB_PATH", "data/monitor.db",
      "SQLite database file; its folder is created if missing, and an empty database is seeded.");
  public static final Variable ADMIN_TOKEN = new Variable("AIM_ADMIN_TOKEN", "",
      "Secret token for the staff pages under /admin (web upload, import log): at least "
          + MIN_ADMIN_TOKEN_LENGTH + " printable ASCII characters without spaces, e.g. from "
          + "`openssl rand -hex 32`. Unset or empty: /admin is switched off (every /admin page is a 404).");
  public static final Variable ADMIN_LABEL = new Variable("AIM_ADMIN_LABEL", "admin token",
      "Who holds the admin token, as the import log names them (e.g. `data team`).");
  public static final Variable HTTPS = new Variable("AIM_HTTPS", "false",
      "`true` when users reach the site over HTTPS (a TLS proxy): Secure cookie, https links.");

  public static final Variable PAGE_CACHE_MB = new Variable("AIM_PAGE_CACHE_MB", "16",
      "Memory for rendered pages and API answers, in MB (whole number, 0 to 1024); `0` turns the "
          + "page cache off, so every request renders (the scale benchmark measures that way).");

  // Public address, metrics, access log (#25, #26).
  public static final Variable PUBLIC_URL = new Variable("AIM_PUBLIC_URL", "",
      "Public address (`https://monitor.example.org`) of every absolute link, whatever the Host.");
  public static final Variable TRUST_PROXY = new Variable("AIM_TRUST_PROXY", "false",
      "`true` only behind a proxy setting `Forwarded`/`X-Forwarded-*`: links follow them.");
  public static final Variable METRICS = new Variable("AIM_METRICS", "false",
      "`true` serves `/metrics` (Prometheus) on the main port.");
  public static final Variable METRICS_PORT = new Variable("AIM_METRICS_PORT", "",
      "`/metrics` on this port alone, e.g. `9464` (0: a free one).");
  public static final Variable ACCESS_LOG = new Variable("AIM_ACCESS_LOG", "false",
      "`true`: a line per request (route, status, bytes, time, cache), no query or cookie.");

  public static final List<Variable> VARIABLES = java.util.stream.Stream.concat(
      java.util.stream.Stream.of(PORT, DB_PATH, ADMIN_TOKEN, ADMIN_LABEL, HTTPS, PAGE_CACHE_MB,
          PUBLIC_URL, TRUST_PROXY, METRICS, METRICS_PORT, ACCESS_LOG),
      Limits.VARIABLES.stream()).toList();

  /** Reads the settings; a malformed value is reported by name, not as a stack trace. */
  public static Settings fromEnvironment(Map<String, String> env) {
    String portText = env.getOrDefault(PORT.name(), PORT.defaultValue());
    int port;
    try {
      port = Integer.parseInt(portText.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PORT.name() + "=\"" + portText + "\" is not a port number");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(PORT.name() + "=" + port + " is outside 0-65535");
    }
    String db = env.getOrDefault(DB_PATH.name(), DB_PATH.defaultValue());
    if (db.isBlank()) {
      throw new IllegalArgumentException(DB_PATH.name() + " is empty");
    }
    String token = env.getOrDefault(ADMIN_TOKEN.name(), ADMIN_TOKEN.defaultValue());
    checkToken(token);
    String label = env.getOrDefault(ADMIN_LABEL.name(), ADMIN_LABEL.defaultValue()).strip();
    if (label.isEmpty()) {
      label = ADMIN_LABEL.defaultValue();
    }
    String https = env.getOrDefault(HTTPS.name(), HTTPS.defaultValue()).strip();
    if (!https.equals("true") && !https.equals("false")) {
      throw new IllegalArgumentException(HTTPS.name() + "=\"" + https + "\" is not true or false");
    }
    String cacheText = env.getOrDefault(PAGE_CACHE_MB.name(), PAGE_CACHE_MB.defaultValue()).strip();
    if (!cacheText.matches("\\d{1,4}") || Integer.parseInt(cacheText) > 1024) {
      throw new IllegalArgumentException(PAGE_CACHE_MB.name() + "=\"" + cacheText
          + "\" is not a whole number of MB from 0 to 1024");
    }
    return new Settings(port, Path.of(db), token, label, Boolean.parseBoolean(https),
        Long.parseLong(cacheText) * 1024 * 1024, operations(env),
        Limits.fromEnvironment(env));
  }

  private static Operations operations(Map<String, String> env) {
    String url = env.getOrDefault(PUBLIC_URL.name(), "").strip();
    String origin = url.isEmpty() ? null
        : org.aimonitor.web.Addresses.Policy.origin(PUBLIC_URL.name(), url);
    String portText = env.getOrDefault(METRICS_PORT.name(), "").strip();
    int metricsPort = -1;
    if (!portText.isEmpty()) {
      if (!portText.matches("\\d{1,5}") || Integer.parseInt(portText) > 65_535) {
        throw new IllegalArgumentException(METRICS_PORT.name() + "=\"" + portText
            + "\" is not a port number (0-65535)");
      }
      metricsPort = Integer.parseInt(portText);
    }
    return new Operations(origin, flag(env, TRUST_PROXY), flag(env, METRICS), metricsPort,
        flag(env, ACCESS_LOG));
  }

  /** A true/false variable; anything else is reported by name. */
  private static boolean flag(Map<String, String> env, Variable v) {
    String text = env.getOrDefault(v.name(), v.defaultValue()).strip();
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException(v.name() + "=\"" + text + "\" is not true or false");
    }
    return text.equals("true");
  }

  /** Whether the staff pages under /admin are switched on. */
  public boolean adminEnabled() {
    return !adminToken.isEmpty();
  }

  /**
   * An empty token switches /admin off. A set one must be long enough to resist guessing and
   * fit in an {@code Authorization: Bearer} header as it is; the message never repeats it.
   */
  private static void checkToken(String token) {
    if (token.isEmpty()) {
      return;
    }
    if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
      throw new IllegalArgumentException(ADMIN_TOKEN.name()
          + " may hold only printable ASCII characters without spaces");
    }
    if (token.length() < MIN_ADMIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(ADMIN_TOKEN.name() + " is " + token.length()
          + " characters long; use at least " + MIN_ADMIN_TOKEN_LENGTH
          + " (for example the output of `openssl rand -hex 32`)");
    }
  }
}
