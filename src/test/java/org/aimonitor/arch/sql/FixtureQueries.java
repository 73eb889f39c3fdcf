package org.aimonitor.arch.sql;

import java.util.List;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** A query interface: the one place of the fixture that may hold SQL. */
public interface FixtureQueries {

  /** A row as the interface returns it. */
  record Named(String code, String nameEn) {
  }

  @SqlQuery("SELECT code, name_en FROM region ORDER BY id")
  ResultIterable<Named> places();

  @SqlQuery("SELECT code FROM region")
  List<String> codes();
}
