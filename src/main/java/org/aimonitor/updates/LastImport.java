package org.aimonitor.updates;

import java.util.Optional;
import org.aimonitor.i18n.Text;
import org.jdbi.v3.core.Handle;

/**
 * When the data were last imported, for "Data as of" lines: the newest import (which may have
 * changed nothing: it is still when the data were last checked against their files), in words
 * and for machines, with its page.
 */
public record LastImport(long id, String when, String whenIso, String href) {

  /** The newest import in {@code t}'s language, or empty before the first. */
  public static Optional<LastImport> read(Handle h, Text t) {
    long latest = Imports.latestId(h);
    return latest == 0 ? Optional.empty() : Imports.byId(h, latest).map(log -> new LastImport(
        log.id(), ChangeViews.when(log.at(), t),
        log.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(),
        "/updates/" + log.id()));
  }
}
