package org.aimonitor.store;

/** A cited page: who published it, its headline, link and date, and how far it is trusted. */
public record Source(
    String id,
    String publisher,
    String title,
    String url,
    PartialDate publishedOn,
    String language,
    String reliability,
    String note) {

  /** "1 Oct 2025", or "date unknown" when the page carries no date. */
  public String dateLabel() {
    return publishedOn == null ? "date unknown" : publishedOn.label();
  }
}
