package org.aimonitor.store;

/** A coded term with names in English and Chinese: an indicator category or a source language. */
public record Term(String code, String nameEn, String nameZh) {
}
