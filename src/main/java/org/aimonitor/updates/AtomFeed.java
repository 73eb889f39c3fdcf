package org.aimonitor.updates;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 document (RFC 4287), written with the JDK's streaming XML writer, which escapes
 * every text and attribute: the dataset's words never become markup. Entry content is XHTML
 * (a {@code div} in the XHTML namespace), so it needs no second layer of escaping either.
 */
public final class AtomFeed {

  public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String XML = "http://www.w3.org/XML/1998/namespace";
  /**
   * The name space of this application's ids (RFC 4122, 4.3: a UUID chosen once for names of
   * one kind); never change it, or every reader sees every entry again.
   */
  private static final UUID NAMESPACE = UUID.fromString("9c96f6bd-bd53-44b2-bff3-3f7b580b391a");

  private AtomFeed() {
  }

  /**
   * A feed: {@code id} a URI that never changes, {@code self} the feed's own address and
   * {@code html} the page it mirrors (absolute), {@code lang} its BCP 47 language.
   */
  public record Feed(String id, String title, String subtitle, Instant updated, String self,
      String html, String lang, String author, List<Entry> entries) {
  }

  /**
   * An entry: its permanent {@code id}, when it was published and last updated, who made it,
   * the page it stands for ({@code href}, absolute), a one-line summary and the content.
   */
  public record Entry(String id, String title, Instant published, Instant updated, String author,
      String href, String summary, Content content) {
  }

  /** Entry content: paragraphs, then a list of items, then a closing link. */
  public record Content(List<String> paragraphs, List<Item> items, String link, String linkText) {
  }

  /** A list item, linking to {@code href} when it is not null. */
  public record Item(String text, String href) {
  }

  /**
   * A stable id: a name-based UUID (RFC 4122 version 5, SHA-1) of {@code name} as a
   * {@code urn:uuid:} URI. The same name gives the same id on every host and every request.
   */
  public static String id(String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(bytes(NAMESPACE));
      byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
      hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
      long msb = 0;
      long lsb = 0;
      for (int i = 0; i < 8; i++) {
        msb = (msb << 8) | (hash[i] & 0xff);
        lsb = (lsb << 8) | (hash[8 + i] & 0xff);
      }
      return "urn:uuid:" + new UUID(msb, lsb);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(UUID u) {
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (u.getMostSignificantBits() >>> (56 - 8 * i));
      b[8 + i] = (byte) (u.getLeastSignificantBits() >>> (56 - 8 * i));
    }
    return b;
  }

  /** The document as XML text, UTF-8 declared. */
  public static String write(Feed feed) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("", "feed", ATOM);
      x.writeDefaultNamespace(ATOM);
      x.writeAttribute("xml", XML, "lang", feed.lang());
      text(x, "id", feed.id());
      text(x, "title", feed.title());
      text(x, "subtitle", feed.subtitle());
      text(x, "updated", time(feed.updated()));
      link(x, "self", "application/atom+xml", feed.self());
      link(x, "alternate", "text/html", feed.html());
      x.writeStartElement("", "author", ATOM);
      text(x, "name", feed.author());
      x.writeEndElement();
      text(x, "generator", feed.author());
      for (Entry e : feed.entries()) {
        entry(x, e);
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the feed", e);
    }
    return out.toString();
  }

  private static void entry(XMLStreamWriter x, Entry e) throws XMLStreamException {
    x.writeStartElement("", "entry", ATOM);
    text(x, "id", e.id());
    text(x, "title", e.title());
    text(x, "published", time(e.published()));
    text(x, "updated", time(e.updated()));
    x.writeStartElement("", "author", ATOM);
    text(x, "name", e.author());
    x.writeEndElement();
    link(x, "alternate", "text/html", e.href());
    text(x, "summary", e.summary());
    x.writeStartElement("", "content", ATOM);
    x.writeAttribute("type", "xhtml");
    x.writeStartElement("", "div", XHTML);
    x.writeDefaultNamespace(XHTML);
    Content c = e.content();
    for (String p : c.paragraphs()) {
      xhtml(x, "p", p);
    }
    if (!c.items().isEmpty()) {
      x.writeStartElement("", "ul", XHTML);
      for (Item item : c.items()) {
        x.writeStartElement("", "li", XHTML);
        if (item.href() != null) {
          x.writeStartElement("", "a", XHTML);
          x.writeAttribute("href", item.href());
          x.writeCharacters(clean(item.text()));
          x.writeEndElement();
        } else {
          x.writeCharacters(clean(item.text()));
        }
        x.writeEndElement();
      }
      x.writeEndElement();
    }
    if (c.link() != null) {
      x.writeStartElement("", "p", XHTML);
      x.writeStartElement("", "a", XHTML);
      x.writeAttribute("href", c.link());
      x.writeCharacters(clean(c.linkText()));
      x.writeEndElement();
      x.writeEndElement();
    }
    x.writeEndElement(); // div
    x.writeEndElement(); // content
    x.writeEndElement(); // entry
  }

  private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement("", name, ATOM);
    x.writeCharacters(clean(value));
    x.writeEndElement();
  }

  private static void xhtml(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement("", name, XHTML);
    x.writeCharacters(clean(value));
    x.writeEndElement();
  }

  private static void link(XMLStreamWriter x, String rel, String type, String href)
      throws XMLStreamException {
    x.writeEmptyElement("", "link", ATOM);
    x.writeAttribute("rel", rel);
    x.writeAttribute("type", type);
    x.writeAttribute("href", href);
  }

  /** RFC 3339, to the millisecond: "2026-11-29T14:58:01.123Z". */
  static String time(Instant at) {
    return at.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** The text without characters XML 1.0 cannot hold (C0 controls but tab, CR and LF). */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(b::appendCodePoint);
    return b.toString();
  }
}
