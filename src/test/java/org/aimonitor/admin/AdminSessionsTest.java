package org.aimonitor.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.Importer;
import org.aimonitor.TestClock;
import org.junit.jupiter.api.Test;

/** Session and preview lifetimes, on a clock the test moves. */
class AdminSessionsTest {

  final TestClock clock = new TestClock(Instant.parse("2026-03-05T09:00:00Z"));
  final AdminSessions sessions = new AdminSessions(clock);
  final List<ImportFile> files = List.of(new ImportFile("o.csv", "a,b\n".getBytes(StandardCharsets.UTF_8)));

  @Test
  void aSessionLastsEightHours() {
    AdminSessions.Session s = sessions.start();
    clock.advance(Duration.ofHours(8).minusSeconds(1));
    assertTrue(sessions.find(s.id()).isPresent());
    clock.advance(Duration.ofSeconds(1));
    assertTrue(sessions.find(s.id()).isEmpty());
  }

  @Test
  void sessionIdsAndCsrfTokensAreRandomAndDistinct() {
    AdminSessions.Session a = sessions.start();
    AdminSessions.Session b = sessions.start();
    assertNotEquals(a.id(), b.id());
    assertNotEquals(a.csrf(), b.csrf());
    assertNotEquals(a.id(), a.csrf());
    assertEquals(43, a.id().length(), "256 bits in base64url");
    assertTrue(sessions.find("").isEmpty());
    assertTrue(sessions.find(null).isEmpty());
  }

  @Test
  void aPreviewIsTakenOnceAndOnlyByItsOwnSession() {
    AdminSessions.Session mine = sessions.start();
    AdminSessions.Session other = sessions.start();
    String id = sessions.keepPreview(mine, files);
    assertTrue(sessions.takePreview(other, id).isEmpty());
    assertEquals(files, sessions.takePreview(mine, id).orElseThrow());
    assertTrue(sessions.takePreview(mine, id).isEmpty());
  }

  @Test
  void aPreviewExpiresAfterThirtyMinutes() {
    AdminSessions.Session s = sessions.start();
    String id = sessions.keepPreview(s, files);
    clock.advance(Duration.ofMinutes(30));
    assertTrue(sessions.takePreview(s, id).isEmpty());
  }

  @Test
  void signingOutDropsTheSessionsPreviews() {
    AdminSessions.Session s = sessions.start();
    String id = sessions.keepPreview(s, files);
    sessions.end(s);
    assertTrue(sessions.find(s.id()).isEmpty());
    assertTrue(sessions.takePreview(s, id).isEmpty());
  }

  @Test
  void theOldestPreviewsGiveWayWhenTheMemoryBudgetIsFull() {
    AdminSessions.Session s = sessions.start();
    List<ImportFile> big = List.of(new ImportFile("big.csv", new byte[Importer.MAX_FILE_BYTES]));
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(sessions.keepPreview(s, big));
    }
    assertTrue(sessions.takePreview(s, ids.get(0)).isEmpty(), "the oldest was dropped");
    for (int i = 1; i < 5; i++) {
      assertTrue(sessions.takePreview(s, ids.get(i)).isPresent(), "preview " + i);
    }
  }
}
