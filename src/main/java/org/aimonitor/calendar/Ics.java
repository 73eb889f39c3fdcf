package org.aimonitor.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes an iCalendar stream (RFC 5545) of all-day events: the few properties the release
 * calendar needs, with the value escaping of §3.3.11 and the line folding of §3.1 (lines of at
 * most 75 octets, never splitting a UTF-8 character, CRLF line ends). Written here rather than
 * with ical4j: ical4j 4.4 is a 1.7 MB jar that brings commons-lang3, commons-codec,
 * threeten-extra and jparsec for what is about a hundred lines of output code; the tests read
 * what this writes with a real parser (Python's {@code icalendar}).
 */
public final class Ics {

  /** The media type of the answer. */
  public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";

  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  /**
   * A calendar: its name and description (X-WR-CALNAME, X-WR-CALDESC, which Apple, Google and
   * Outlook show as the subscribed calendar's name), its language tag and its events.
   */
  public record Calendar(String name, String description, String language, List<Event> events) {
  }

  /**
   * An all-day event from {@code start} to the day before {@code endExclusive} (DTEND of a DATE
   * event is exclusive, §3.6.1), free time (TRANSP:TRANSPARENT): an estimate is not a meeting.
   */
  public record Event(String uid, long sequence, Instant created, Instant lastModified,
      LocalDate start, LocalDate endExclusive, String summary, String description, String url,
      List<String> categories) {
  }

  private Ics() {
  }

  /** The calendar as RFC 5545 text. */
  public static String write(Calendar c) {
    StringBuilder out = new StringBuilder();
    write(out, c.name(), c.description(), c.language(), sink -> c.events().forEach(sink));
    return out.toString();
  }

  /**
   * Writes a calendar to {@code out} as {@code events} hands its events over, one at a time:
   * what is held at once is one event, however many there are.
   */
  public static void write(Appendable out, String name, String description, String language,
      Consumer<Consumer<Event>> events) {
    StringBuilder b = new StringBuilder(1024);
    line(b, "BEGIN:VCALENDAR");
    line(b, "VERSION:2.0");
    line(b, "PRODID:-//AI Industry Monitor//Release calendar//EN");
    line(b, "CALSCALE:GREGORIAN");
    line(b, "X-WR-CALNAME:" + text(name));
    line(b, "X-WR-CALDESC:" + text(description));
    flush(out, b);
    events.accept(e -> {
      event(b, e, language);
      flush(out, b);
    });
    line(b, "END:VCALENDAR");
    flush(out, b);
  }

  private static void event(StringBuilder out, Event e, String language) {
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + text(e.uid()));
    // Without a METHOD, DTSTAMP is when the event's information was last revised (§3.8.7.2).
    line(out, "DTSTAMP:" + UTC.format(e.lastModified()));
    line(out, "CREATED:" + UTC.format(e.created()));
    line(out, "LAST-MODIFIED:" + UTC.format(e.lastModified()));
    line(out, "SEQUENCE:" + e.sequence());
    line(out, "DTSTART;VALUE=DATE:" + DATE.format(e.start()));
    line(out, "DTEND;VALUE=DATE:" + DATE.format(e.endExclusive()));
    line(out, "SUMMARY;LANGUAGE=" + language + ":" + text(e.summary()));
    line(out, "DESCRIPTION;LANGUAGE=" + language + ":" + text(e.description()));
    line(out, "URL;VALUE=URI:" + e.url());
    if (!e.categories().isEmpty()) {
      line(out, "CATEGORIES:" + String.join(",", e.categories().stream().map(Ics::text).toList()));
    }
    line(out, "TRANSP:TRANSPARENT");
    line(out, "STATUS:TENTATIVE");
    line(out, "END:VEVENT");
  }

  private static void flush(Appendable out, StringBuilder b) {
    try {
      out.append(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    b.setLength(0);
  }

  /**
   * A TEXT value (§3.3.11): backslash, semicolon and comma escaped, a line break as {@code \n};
   * other control characters (which the grammar does not allow) dropped.
   */
  static String text(String value) {
    StringBuilder b = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '\\' -> b.append("\\\\");
        case ';' -> b.append("\\;");
        case ',' -> b.append("\\,");
        case '\n' -> b.append("\\n");
        case '\r' -> {
          if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
            b.append("\\n");
          }
        }
        default -> {
          if (ch >= 0x20 && ch != 0x7f || ch == '\t') {
            b.append(ch);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * Appends a content line folded at 75 octets (§3.1): each continuation starts with a space,
   * which counts towards its 75, and a break never falls inside a UTF-8 sequence or a
   * surrogate pair.
   */
  static void line(StringBuilder out, String line) {
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
