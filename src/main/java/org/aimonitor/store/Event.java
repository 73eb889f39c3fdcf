package org.aimonitor.store;

/**
 * A dated policy, regulation, data-release or industry event, with its source. {@code
 * descriptionZh} is the description in Chinese, empty when it has none yet.
 */
public record Event(
    PartialDate date,
    String category,
    String titleEn,
    String titleZh,
    String descriptionEn,
    String descriptionZh,
    String source) {

  /** The description a page in Chinese ({@code zh}) or English shows: Chinese when there is one. */
  public String description(boolean zh) {
    return zh && !descriptionZh.isEmpty() ? descriptionZh : descriptionEn;
  }

  /**
   * The {@code lang} of {@link #description(boolean)} on a page in Chinese ({@code zh}) or
   * English: {@code "en"} when a Chinese page shows the English description, else null.
   */
  public String descriptionLang(boolean zh) {
    return zh && descriptionZh.isEmpty() ? "en" : null;
  }
}
