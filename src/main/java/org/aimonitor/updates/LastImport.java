package org.aimonitor.updates;

import java.util.Optional;
import org.aimonitor.i18n.Text;
import org.aimonitor.store.ImportLog;
import org.jdbi.v3.core.Handle;

/**
 * The newest import that brought figures (added or revised one), for the "data as of" lines:
 * in words and for machines, with its page, and whether it was the seeding of an empty database
 * from the bundled files (which says when the server started, not when the data arrived).
 * Found through {@code observation_by_import}: the highest import id a current figure carries.
 *
 * @param seed whether that import is the seed (no import has brought figures since)
 */
public record LastImport(long id, String when, String whenIso, String href, boolean seed) {

  /** Who the import log names for the seeding of an empty database. */
  public static final String SEED = "seed";

  /** The newest import that brought figures in {@code t}'s language, or empty before the first. */
  public static Optional<LastImport> read(Handle h, Text t) {
    long latest = h.attach(UpdateQueries.class).lastFigureImport();
    return latest == 0 ? Optional.empty() : ImportLog.on(h).byId(latest).map(log -> new LastImport(
        log.id(), ChangeViews.when(log.at(), t),
        log.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(),
        "/updates/" + log.id(), SEED.equals(log.who())));
  }
}
