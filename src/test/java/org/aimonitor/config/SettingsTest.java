package org.aimonitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void defaultsArePort8080AndTheDataFolder() {
    Settings s = Settings.fromEnvironment(Map.of());
    assertEquals(8080, s.port());
    assertEquals(Path.of("data/monitor.db"), s.dbPath());
  }

  @Test
  void readsPortAndDatabasePathFromTheEnvironment() {
    Settings s = Settings.fromEnvironment(Map.of("PORT", "9000", "AIM_DB_PATH", "/tmp/x.db"));
    assertEquals(9000, s.port());
    assertEquals(Path.of("/tmp/x.db"), s.dbPath());
  }

  @Test
  void aMalformedPortIsReportedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.fromEnvironment(Map.of("PORT", "eighty")));
    assertEquals("PORT=\"eighty\" is not a port number", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(Map.of("PORT", "70000")));
  }

  @Test
  void theAdminPagesAreOffUnlessATokenIsSet() {
    Settings off = Settings.fromEnvironment(Map.of());
    assertEquals(false, off.adminEnabled());
    assertEquals("admin token", off.adminLabel());
    assertEquals(false, off.https());
    Settings on = Settings.fromEnvironment(Map.of("AIM_ADMIN_TOKEN", "0123456789abcdef",
        "AIM_ADMIN_LABEL", "data team", "AIM_HTTPS", "true"));
    assertEquals(true, on.adminEnabled());
    assertEquals("data team", on.adminLabel());
    assertEquals(true, on.https());
  }

  @Test
  void aWeakOrMalformedAdminTokenIsRefusedWithoutRepeatingIt() {
    IllegalArgumentException shortToken = assertThrows(IllegalArgumentException.class,
        () -> Settings.fromEnvironment(Map.of("AIM_ADMIN_TOKEN", "secret")));
    assertEquals(true, shortToken.getMessage().startsWith("AIM_ADMIN_TOKEN is 6 characters long; use at least 16"),
        shortToken.getMessage());
    IllegalArgumentException spaces = assertThrows(IllegalArgumentException.class,
        () -> Settings.fromEnvironment(Map.of("AIM_ADMIN_TOKEN", "a long secret with spaces")));
    assertEquals(false, spaces.getMessage().contains("a long secret"));
    assertThrows(IllegalArgumentException.class, () -> Settings.fromEnvironment(Map.of("AIM_HTTPS", "yes")));
  }

  @Test
  void everySettingIsDocumentedInTheReadme() throws Exception {
    String readme = java.nio.file.Files.readString(Path.of("README.md"));
    for (Settings.Variable v : Settings.VARIABLES) {
      assertEquals(true, readme.contains("| `" + v.name() + "` | " + v.documentedDefault() + " |"),
          v.name() + " is in the README's configuration table with its default");
    }
  }
}
