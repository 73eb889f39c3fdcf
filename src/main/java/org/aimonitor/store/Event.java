package org.aimonitor.store;

/** A dated policy, regulation, data-release or industry event, with its source. */
public record Event(
    PartialDate date,
    String category,
    String titleEn,
    String titleZh,
    String descriptionEn,
    String source) {
}
