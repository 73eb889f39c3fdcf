package org.aimonitor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Every setting of the app, read from the environment. {@link #VARIABLES} is the single list of
 * names, defaults and meanings; the README's configuration table repeats it.
 */
public record Settings(int port, Path dbPath) {

  /** An environment variable the app reads. */
  public record Variable(String name, String defaultValue, String help) {
  }

  public static final Variable PORT = new Variable("PORT", "8080",
      "TCP port the HTTP server listens on (0 picks a free port).");
  public static final Variable DB_PATH = new Variable("AIM_DB_PATH", "data/monitor.db",
      "SQLite database file; its folder is created if missing, and an empty database is seeded.");

  public static final List<Variable> VARIABLES = List.of(PORT, DB_PATH);

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
    return new Settings(port, Path.of(db));
  }
}
