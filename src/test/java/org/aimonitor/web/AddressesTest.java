package org.aimonitor.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressesTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "region=CN", "a=%20b", "x=%E4%B8%AD", "q=100%25", "a=b+c&d=%2F"})
  void wellFormedQueriesPass(String query) {
    assertTrue(Addresses.wellFormedQuery(query), query);
  }

  @ParameterizedTest
  @ValueSource(strings = {"region=%ZZ", "a=%", "a=%2", "x=%E4%B8", "x=%C0%AE", "x=%FF", "lang=%zz&b=1"})
  void brokenPercentEncodingOrUtf8IsRefused(String query) {
    assertFalse(Addresses.wellFormedQuery(query), query);
  }
}
