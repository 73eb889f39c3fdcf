package org.aimonitor.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aimonitor.importer.ImportFile;

/**
 * Signed-in staff browsers and the uploads they previewed, held in memory: a restart signs
 * everyone out and drops pending previews, which costs a re-upload and loses no data.
 */
final class AdminSessions {

  static final Duration SESSION_LIFETIME = Duration.ofHours(8);
  static final Duration PREVIEW_LIFETIME = Duration.ofMinutes(30);
  /** Uploaded bytes kept for previews at most; the oldest previews go first beyond it. */
  static final long PREVIEW_BYTES = 4L * org.aimonitor.importer.Importer.MAX_FILE_BYTES;

  /** A signed-in browser: the cookie value, the token its forms must carry, and when it ends. */
  record Session(String id, String csrf, Instant expires) {
  }

  private record Preview(String sessionKey, List<ImportFile> files, long bytes, Instant expires) {
  }

  private final Clock clock;
  // Keyed by a hash of the session id, so a lookup's timing says nothing about live ids.
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Preview> previews = new LinkedHashMap<>();

  AdminSessions(Clock clock) {
    this.clock = clock;
  }

  Session start() {
    dropExpired();
    Session session = new Session(Secrets.randomId(), Secrets.randomId(),
        clock.instant().plus(SESSION_LIFETIME));
    sessions.put(key(session.id()), session);
    return session;
  }

  Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    Session session = sessions.get(key(id));
    if (session == null || !clock.instant().isBefore(session.expires())) {
      return Optional.empty();
    }
    return Optional.of(session);
  }

  void end(Session session) {
    sessions.remove(key(session.id()));
    synchronized (previews) {
      previews.values().removeIf(p -> p.sessionKey().equals(key(session.id())));
    }
  }

  /** Keeps uploaded files until the same session confirms them; returns the preview's id. */
  String keepPreview(Session session, List<ImportFile> files) {
    long bytes = files.stream().mapToLong(f -> f.bytes().length).sum();
    String id = Secrets.randomId();
    synchronized (previews) {
      dropExpired();
      long held = previews.values().stream().mapToLong(Preview::bytes).sum();
      Iterator<Preview> oldest = previews.values().iterator();
      while (held + bytes > PREVIEW_BYTES && oldest.hasNext()) {
        held -= oldest.next().bytes();
        oldest.remove();
      }
      previews.put(id, new Preview(key(session.id()), List.copyOf(files), bytes,
          clock.instant().plus(PREVIEW_LIFETIME)));
    }
    return id;
  }

  /**
   * The files of a preview, removed so that one preview is applied once; empty when unknown,
   * expired, or kept for another session.
   */
  Optional<List<ImportFile>> takePreview(Session session, String previewId) {
    if (previewId == null) {
      return Optional.empty();
    }
    synchronized (previews) {
      Preview preview = previews.get(previewId);
      if (preview == null || !preview.sessionKey().equals(key(session.id()))) {
        return Optional.empty();
      }
      previews.remove(previewId);
      return clock.instant().isBefore(preview.expires()) ? Optional.of(preview.files()) : Optional.empty();
    }
  }

  private void dropExpired() {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> !now.isBefore(s.expires()));
    synchronized (previews) {
      previews.values().removeIf(p -> !now.isBefore(p.expires()));
    }
  }

  private static String key(String id) {
    return HexFormat.of().formatHex(Secrets.sha256(id));
  }
}
