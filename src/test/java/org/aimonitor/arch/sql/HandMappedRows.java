package org.aimonitor.arch.sql;

import org.jdbi.v3.core.mapper.RowMapper;

/** Rows mapped by hand from a ResultSet outside the query layer (a deliberate fixture). */
public final class HandMappedRows {

  record Place(String code, String name) {
  }

  static final RowMapper<Place> PLACE =
      (rs, ctx) -> new Place(rs.getString("code"), rs.getString("name_en"));

  private HandMappedRows() {
  }
}
