package org.aimonitor.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks the percent-encoding of a query string. Javalin silently drops a parameter it cannot
 * decode ({@code ?region=%ZZ} would show every region), so a malformed query is refused with a
 * 400 instead of being half-understood.
 */
public final class Addresses {

  private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
      "[A-Za-z0-9.-]{1,253}(?::\\d{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](?::\\d{1,5})?");

  private Addresses() {
  }

  /**
   * The origin the client used ("http://127.0.0.1:8080"), for absolute links (citations, feeds):
   * an address that is not a plain host name or IP literal with a port reads as localhost, so a
   * forged Host header cannot put markup or another scheme in a page.
   */
  public static String origin(io.javalin.http.Context ctx) {
    String host = ctx.host();
    if (host == null || host.length() > 260 || !HOST.matcher(host).matches()) {
      host = "localhost";
    }
    return ("https".equals(ctx.scheme()) ? "https" : "http") + "://"
        + host.toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Whether {@code raw} (the query as sent, without "?") decodes: every "%" followed by two hex
   * digits, and the bytes they make valid UTF-8.
   */
  public static boolean wellFormedQuery(String raw) {
    if (raw == null || raw.indexOf('%') < 0) {
      return true;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int hi = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          return false;
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
