package org.aimonitor.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Read queries over the four tables; every page reads through here. */
@RegisterConstructorMapper(Source.class)
@RegisterConstructorMapper(Indicator.class)
@RegisterConstructorMapper(Observation.class)
@RegisterConstructorMapper(Event.class)
public interface DataStore {

  @SqlQuery("SELECT * FROM source ORDER BY id")
  List<Source> sources();

  @SqlQuery("SELECT * FROM indicator ORDER BY code")
  List<Indicator> indicators();

  @SqlQuery("SELECT * FROM indicator WHERE code = :code")
  Optional<Indicator> indicator(@Bind("code") String code);

  @SqlQuery("""
      SELECT indicator, region, period, value, qualifier, source, headline, note
      FROM observation
      ORDER BY indicator, region, period, id
      """)
  List<Observation> observations();

  @SqlQuery("""
      SELECT indicator, region, period, value, qualifier, source, headline, note
      FROM observation
      WHERE indicator = :indicator
      ORDER BY region, period, id
      """)
  List<Observation> observationsOf(@Bind("indicator") String indicator);

  @SqlQuery("SELECT date, category, title_en, title_zh, description_en, source FROM event ORDER BY id")
  List<Event> events();

  @SqlQuery("SELECT count(*) FROM observation")
  int observationCount();

  @SqlQuery("SELECT version FROM data_version WHERE id = 1")
  long dataVersion();
}
