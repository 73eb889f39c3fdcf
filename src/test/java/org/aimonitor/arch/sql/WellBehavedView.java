package org.aimonitor.arch.sql;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** A view that reads through its query interface: allowed (a fixture). */
public final class WellBehavedView {

  private WellBehavedView() {
  }

  static List<String> codes(Handle h) {
    return h.attach(FixtureQueries.class).codes();
  }
}
