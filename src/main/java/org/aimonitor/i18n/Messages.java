package org.aimonitor.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interface text of both languages, from {@code web/i18n/messages_en.properties} and
 * {@code messages_zh.properties} (UTF-8). Placeholders are {@code {0}}, {@code {1}}, … and are
 * replaced literally: no {@link java.text.MessageFormat} rules, so an apostrophe in "world's"
 * needs no escaping. A key missing from a bundle is an error, never a silent fallback.
 */
public final class Messages {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
  private static final Map<Lang, Properties> BUNDLES = load();

  private Messages() {
  }

  private static Map<Lang, Properties> load() {
    Map<Lang, Properties> bundles = new EnumMap<>(Lang.class);
    for (Lang lang : Lang.values()) {
      bundles.put(lang, read(resource(lang)));
    }
    return bundles;
  }

  /** The classpath resource of a language's bundle. */
  public static String resource(Lang lang) {
    return "/web/i18n/messages_" + lang.code() + ".properties";
  }

  private static Properties read(String resource) {
    try (InputStream in = Messages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message {@code key} in {@code lang} with its placeholders filled. */
  public static String get(Lang lang, String key, Object... args) {
    String pattern = BUNDLES.get(lang).getProperty(key);
    if (pattern == null) {
      throw new MissingMessageException(lang, key);
    }
    return fill(pattern, args);
  }

  /** Whether {@code lang}'s bundle has {@code key}. */
  public static boolean has(Lang lang, String key) {
    return BUNDLES.get(lang).containsKey(key);
  }

  /** Every key of a language's bundle, sorted. */
  public static Set<String> keys(Lang lang) {
    Set<String> keys = new TreeSet<>();
    BUNDLES.get(lang).stringPropertyNames().forEach(keys::add);
    return keys;
  }

  /** The placeholder numbers a message uses, for the bundle parity test. */
  public static Set<Integer> placeholders(Lang lang, String key) {
    Set<Integer> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(BUNDLES.get(lang).getProperty(key, ""));
    while (m.find()) {
      found.add(Integer.parseInt(m.group(1)));
    }
    return found;
  }

  static String fill(String pattern, Object... args) {
    if (args == null || args.length == 0) {
      return pattern;
    }
    Matcher m = PLACEHOLDER.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      String value = i < args.length ? String.valueOf(args[i]) : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A key that a bundle lacks: a programming error that the bundle tests catch. */
  public static final class MissingMessageException extends IllegalStateException {
    public MissingMessageException(Lang lang, String key) {
      super("message \"" + key + "\" is missing from " + resource(lang));
    }
  }
}
