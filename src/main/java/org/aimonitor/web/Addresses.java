package org.aimonitor.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The addresses a request reaches the site by: the origin absolute links use ({@link Policy}),
 * and the check of a query string's percent-encoding (Javalin silently drops a parameter it
 * cannot decode, {@code ?region=%ZZ} would show every region, so a malformed query is refused
 * with a 400 instead of being half-understood).
 */
public final class Addresses {

  private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
      "[A-Za-z0-9.-]{1,253}(?::\\d{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](?::\\d{1,5})?");
  /** The request attribute holding this request's origin, set by {@link #resolve}. */
  private static final String ORIGIN = "aim.origin";

  private Addresses() {
  }

  /**
   * Where absolute links (hreflang, citations, feeds) point: the configured public address
   * ({@code AIM_PUBLIC_URL}) when there is one, whatever a request says; otherwise the address
   * a trusted proxy forwarded ({@code Forwarded}, {@code X-Forwarded-Proto}/{@code -Host}, read
   * only with {@code trustProxy}), else the request's {@code Host}. Every host read from a
   * request is validated and normalised (lower case, no default port), so a forged one can put
   * neither markup nor another scheme in a page, and with a public address it plays no part at
   * all. {@code https} ({@code AIM_HTTPS}) makes links https when no public address says.
   */
  public record Policy(String publicOrigin, boolean trustProxy, boolean https) {

    /** No public address, no proxy trusted, plain HTTP: links on the request's Host. */
    public static final Policy DIRECT = new Policy(null, false, false);

    /**
     * {@code url} ("https://monitor.example.org", a port allowed, a trailing slash ignored) as an
     * origin; an error naming {@code variable} when it is not an http(s) origin.
     */
    public static String origin(String variable, String url) {
      String u = url.strip();
      if (u.endsWith("/")) {
        u = u.substring(0, u.length() - 1);
      }
      int sep = u.indexOf("://");
      String scheme = sep < 0 ? "" : u.substring(0, sep).toLowerCase(java.util.Locale.ROOT);
      String host = sep < 0 ? "" : u.substring(sep + 3);
      if (!(scheme.equals("http") || scheme.equals("https")) || !HOST.matcher(host).matches()) {
        throw new IllegalArgumentException(variable + "=\"" + url + "\" is not an address such as "
            + "https://monitor.example.org (http or https, a host name, an optional port, no path)");
      }
      return normalised(scheme, host);
    }

    /** This request's origin under the policy. */
    public String of(io.javalin.http.Context ctx) {
      if (publicOrigin != null) {
        return publicOrigin;
      }
      String scheme = https || "https".equals(ctx.scheme()) ? "https" : "http";
      String host = ctx.host();
      if (trustProxy) {
        String[] forwarded = forwarded(ctx);
        if (forwarded[0] != null) {
          scheme = forwarded[0];
        }
        if (forwarded[1] != null) {
          host = forwarded[1];
        }
      }
      if (host == null || host.length() > 260 || !HOST.matcher(host).matches()) {
        host = "localhost";
      }
      return normalised(scheme, host);
    }
  }

  /**
   * The first hop's proto and host a proxy forwarded: RFC 7239 {@code Forwarded} first, else
   * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}; null where none (or not http(s)).
   */
  static String[] forwarded(io.javalin.http.Context ctx) {
    String proto = null;
    String host = null;
    String header = ctx.header("Forwarded");
    if (header != null) {
      String first = header.split(",", 2)[0];
      for (String pair : first.split(";")) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String name = pair.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT);
        String value = pair.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        if (name.equals("proto")) {
          proto = value;
        } else if (name.equals("host")) {
          host = value;
        }
      }
    } else {
      proto = firstValue(ctx.header("X-Forwarded-Proto"));
      host = firstValue(ctx.header("X-Forwarded-Host"));
    }
    if (proto != null) {
      proto = proto.toLowerCase(java.util.Locale.ROOT);
      if (!proto.equals("http") && !proto.equals("https")) {
        proto = null;
      }
    }
    if (host != null && (host.length() > 260 || !HOST.matcher(host).matches())) {
      host = null;
    }
    return new String[] {proto, host};
  }

  private static String firstValue(String header) {
    if (header == null) {
      return null;
    }
    String v = header.split(",", 2)[0].trim();
    return v.isEmpty() ? null : v;
  }

  private static String normalised(String scheme, String host) {
    String h = host.toLowerCase(java.util.Locale.ROOT);
    if (scheme.equals("http") && h.endsWith(":80") || scheme.equals("https") && h.endsWith(":443")) {
      h = h.substring(0, h.lastIndexOf(':'));
    }
    return scheme + "://" + h;
  }

  /** Works out this request's origin under {@code policy}, once; {@link #origin} reads it. */
  public static void resolve(io.javalin.http.Context ctx, Policy policy) {
    ctx.attribute(ORIGIN, policy.of(ctx));
  }

  /**
   * The origin absolute links on this request's pages use ("https://monitor.example.org"):
   * what {@link #resolve} worked out, or (an app without that step) the request's validated Host.
   */
  public static String origin(io.javalin.http.Context ctx) {
    String origin = ctx.attribute(ORIGIN);
    return origin != null ? origin : Policy.DIRECT.of(ctx);
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
