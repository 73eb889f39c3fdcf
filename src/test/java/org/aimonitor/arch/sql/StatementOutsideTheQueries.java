package org.aimonitor.arch.sql;

import org.jdbi.v3.core.Handle;

/** A statement run on a handle outside the query layer, returning no rows (a deliberate fixture). */
public final class StatementOutsideTheQueries {

  private StatementOutsideTheQueries() {
  }

  static int forget(Handle h) {
    return h.execute("DELETE FROM region WHERE code = ?", "XX");
  }
}
