package org.aimonitor.arch.sql;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** A view that writes its own SQL: what QueryLayerTest must refuse (a deliberate fixture). */
public final class LeakyView {

  private LeakyView() {
  }

  static List<String> names(Handle h) {
    return h.createQuery("SELECT name_en FROM region").mapTo(String.class).list();
  }
}
