package org.aimonitor.i18n;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The two bundles say the same things: same keys, same placeholders, every key used exists. */
class BundlesTest {

  private static final Path BUNDLES = Path.of("web/i18n");

  @Test
  void bothBundlesHaveTheSameKeys() {
    Set<String> en = Messages.keys(Lang.EN);
    Set<String> zh = Messages.keys(Lang.ZH);
    Set<String> missingInZh = new TreeSet<>(en);
    missingInZh.removeAll(zh);
    Set<String> missingInEn = new TreeSet<>(zh);
    missingInEn.removeAll(en);
    assertAll(
        () -> assertEquals(Set.of(), missingInZh, "keys in messages_en but not in messages_zh"),
        () -> assertEquals(Set.of(), missingInEn, "keys in messages_zh but not in messages_en"),
        () -> assertTrue(en.size() > 50, "the bundles should hold the interface text, found " + en.size()));
  }

  @Test
  void eachMessageUsesTheSamePlaceholdersInBothLanguages() {
    List<String> differing = new ArrayList<>();
    for (String key : Messages.keys(Lang.EN)) {
      if (Messages.has(Lang.ZH, key)
          && !Messages.placeholders(Lang.EN, key).equals(Messages.placeholders(Lang.ZH, key))) {
        differing.add(key + ": en " + Messages.placeholders(Lang.EN, key)
            + ", zh " + Messages.placeholders(Lang.ZH, key));
      }
    }
    assertEquals(List.of(), differing);
  }

  @Test
  void noKeyIsDefinedTwiceInAFile() throws IOException {
    // Properties silently keep the last of two definitions; a merge can leave both.
    for (Lang lang : Lang.values()) {
      Path file = BUNDLES.resolve("messages_" + lang.code() + ".properties");
      Set<String> seen = new TreeSet<>();
      List<String> twice = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String key = trimmed.split("[=:]", 2)[0].strip();
        if (!seen.add(key)) {
          twice.add(key);
        }
      }
      assertEquals(List.of(), twice, file + " defines these keys more than once");
    }
  }

  @Test
  void chineseMessagesAreChineseAndNotLeftInEnglish() {
    // A key copied across without translation reads the same in both files. Short technical
    // tokens (units such as EFLOPS, punctuation, placeholders) may legitimately be identical.
    Pattern latinWord = Pattern.compile("[A-Za-z]{4,}");
    List<String> untranslated = new ArrayList<>();
    for (String key : Messages.keys(Lang.EN)) {
      String en = Messages.get(Lang.EN, key);
      String zh = Messages.get(Lang.ZH, key);
      if (en.equals(zh) && latinWord.matcher(en).find() && !ALLOWED_SAME.contains(key)) {
        untranslated.add(key + "=" + en);
      }
    }
    assertEquals(List.of(), untranslated);
  }

  /** Messages that are the same in both languages on purpose (names of things). */
  private static final Set<String> ALLOWED_SAME = Set.of("data.format.sqlite",
      // Names of citation formats, the same in every language.
      "figure.cite.file.bibtex", "figure.link.json");

  @Test
  void everyMessageKeyTheTemplatesAndCodeUseExists() throws IOException {
    Pattern templateKey = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)");
    Pattern codeKey = Pattern.compile("\\bt\\.t\\(\"([a-zA-Z0-9_.-]+)\"");
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("web/templates")),
        Files.walk(Path.of("src/main/java")))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        Matcher m = (f.toString().endsWith(".html") ? templateKey : codeKey).matcher(text);
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertFalse(used.isEmpty());
    Set<String> keys = Messages.keys(Lang.EN);
    // A key built at run time ("indicator.series." + role) is checked as a prefix: some key must have it.
    Set<String> missing = new TreeSet<>();
    for (String key : used) {
      boolean found = key.endsWith(".") ? keys.stream().anyMatch(k -> k.startsWith(key)) : keys.contains(key);
      if (!found) {
        missing.add(key);
      }
    }
    assertEquals(Set.of(), missing, "keys used in templates or code but not in the bundles");
  }

  @Test
  void aMissingKeyIsAnErrorNotASilentFallback() {
    Messages.MissingMessageException e = assertThrows(Messages.MissingMessageException.class,
        () -> Messages.get(Lang.ZH, "no.such.key"));
    assertTrue(e.getMessage().contains("no.such.key") && e.getMessage().contains("messages_zh"),
        e.getMessage());
  }

  @Test
  void placeholdersAreFilledLiterallyWithoutMessageFormatQuoting() {
    assertEquals("the world's 5,300 firms ({0} stays)",
        Messages.fill("the world's {0} firms ({1} stays)", "5,300", "{0}"));
    assertEquals("a {1}", Messages.fill("a {1}", "only one"));
    assertEquals("$1 \\ ok", Messages.fill("{0} ok", "$1 \\"));
  }
}
