package org.aimonitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that stands still until the test moves it: to a day, or on by a duration. */
public final class TestClock extends Clock {

  private volatile Instant now;

  public TestClock(Instant now) {
    this.now = now;
  }

  /** Noon (UTC) of {@code day}. */
  public static TestClock at(LocalDate day) {
    return new TestClock(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
  }

  public void advance(Duration d) {
    now = now.plus(d);
  }

  /** Moves to noon (UTC) of {@code day}. */
  public void setDay(LocalDate day) {
    now = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
