package org.aimonitor.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.Context;

/** The one JSON mapper of the app, and safe embedding of JSON in HTML script elements. */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** The media type of every JSON answer; the charset is explicit for clients that do not assume it. */
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";

  /** The body of every JSON error answer. */
  public record Problem(int status, String message) {
  }

  private Json() {
  }

  /** Answers with {@code value} as JSON, UTF-8, with the explicit content type. */
  public static void respond(Context ctx, Object value) {
    ctx.contentType(CONTENT_TYPE).result(write(value));
  }

  /** A JSON object of strings, as the revision table stores row keys and old values. */
  public static java.util.Map<String, String> readMap(String json) {
    try {
      return MAPPER.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not an object of strings: " + json, e);
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * JSON that can sit inside {@code <script type="application/json">}: the characters that could
   * end the element or start markup only occur inside JSON strings, where \\u escapes mean the same.
   */
  public static String forScript(Object value) {
    return write(value)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }
}
