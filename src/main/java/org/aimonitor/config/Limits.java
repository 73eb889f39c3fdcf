package org.aimonitor.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The limits that keep a stranger from slowing or filling the server, with their environment
 * variables (part of {@link Settings#VARIABLES}); docs/operations.md ("Threat model and limits")
 * lists them with the fixed ones.
 *
 * @param snapshotDownloads how many downloads of the database file may run at once
 * @param snapshotDir where database snapshots are written, or null for the temporary folder
 * @param signInAttempts wrong admin tokens one address may send before it is locked out
 * @param signInLockout how long a locked-out address is refused
 */
public record Limits(int snapshotDownloads, Path snapshotDir, int signInAttempts,
    Duration signInLockout) {

  public static final Settings.Variable SNAPSHOT_DOWNLOADS = new Settings.Variable(
      "AIM_SNAPSHOT_DOWNLOADS", "4",
      "Downloads of `/data/monitor.sqlite` that may run at once (1 to 64); beyond it the answer is "
          + "503 with `Retry-After`. All readers of one data version share one snapshot file.");
  public static final Settings.Variable SNAPSHOT_DIR = new Settings.Variable("AIM_SNAPSHOT_DIR", "",
      "Folder for the database snapshot that `/data/monitor.sqlite` serves (one file, about the "
          + "database's size, replaced when the data change). Unset: a folder in the temporary folder.");
  public static final Settings.Variable SIGN_IN_ATTEMPTS = new Settings.Variable(
      "AIM_SIGNIN_ATTEMPTS", "10",
      "Wrong admin tokens (web sign-in or Bearer) one address may send before it is locked out (1 to 1000).");
  public static final Settings.Variable SIGN_IN_LOCKOUT_MINUTES = new Settings.Variable(
      "AIM_SIGNIN_LOCKOUT_MINUTES", "15",
      "How long a locked-out address gets 429 for every sign-in, even with the right token (1 to 1440).");

  public static final List<Settings.Variable> VARIABLES = List.of(SNAPSHOT_DOWNLOADS, SNAPSHOT_DIR,
      SIGN_IN_ATTEMPTS, SIGN_IN_LOCKOUT_MINUTES);

  /** The defaults, as an unset environment gives them. */
  public static Limits defaults() {
    return fromEnvironment(Map.of());
  }

  /** Reads the limits; a malformed value is reported by name. */
  public static Limits fromEnvironment(Map<String, String> env) {
    String dir = env.getOrDefault(SNAPSHOT_DIR.name(), SNAPSHOT_DIR.defaultValue()).strip();
    return new Limits(number(env, SNAPSHOT_DOWNLOADS, 1, 64), dir.isEmpty() ? null : Path.of(dir),
        number(env, SIGN_IN_ATTEMPTS, 1, 1000),
        Duration.ofMinutes(number(env, SIGN_IN_LOCKOUT_MINUTES, 1, 1440)));
  }

  private static int number(Map<String, String> env, Settings.Variable variable, int min, int max) {
    String text = env.getOrDefault(variable.name(), variable.defaultValue()).strip();
    if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
      throw new IllegalArgumentException(variable.name() + "=\"" + text
          + "\" is not a whole number from " + min + " to " + max);
    }
    return Integer.parseInt(text);
  }
}
