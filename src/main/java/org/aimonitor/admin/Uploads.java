package org.aimonitor.admin;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aimonitor.importer.ImportFile;
import org.aimonitor.importer.Importer;

/**
 * Reads uploaded CSV files within the request size limit. An oversize body is read to its end
 * and thrown away (up to a cap) before the 413 answer, so that the client, still sending, sees
 * the answer instead of a reset connection.
 */
final class Uploads {

  /** The most bytes one upload request may carry: the importer's file limit. */
  static final long LIMIT = Importer.MAX_FILE_BYTES;
  /** Beyond this, a refused body is not read to its end; the connection is closed instead. */
  private static final long DRAIN_CAP = 64L * 1024 * 1024;
  private static final String DEFAULT_NAME = "upload.csv";
  /** The media type of an .xlsx workbook, sent as one file. */
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The request is over {@link #LIMIT}; {@code bytes} is its declared or counted size, or -1. */
  static final class TooLarge extends Exception {
    private final long bytes;

    TooLarge(long bytes) {
      super("The upload is " + (bytes > 0 ? String.format(Locale.ROOT, "%,d bytes", bytes) : "too large")
          + String.format(Locale.ROOT, "; the limit is %,d bytes (5 MB) per request.", LIMIT),
          null, false, false);
      this.bytes = bytes;
    }

    /** The declared or counted size of the refused request, or -1 when unknown. */
    long bytes() {
      return bytes;
    }
  }

  /** The request body is not a readable upload (a malformed multipart body). */
  static final class BadUpload extends Exception {
    private final String detail;

    BadUpload(String detail) {
      super("The multipart/form-data body cannot be read: " + detail, null, false, false);
      this.detail = detail;
    }

    /** Why it cannot be read, in the parser's (English) words. */
    String detail() {
      return detail;
    }
  }

  private Uploads() {
  }

  /** The request body as one file named {@code name}. */
  static ImportFile body(Context ctx, String name) throws TooLarge {
    refuseDeclaredOversize(ctx);
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes((int) LIMIT + 1);
      if (bytes.length > LIMIT) {
        throw new TooLarge(LIMIT + 1 + drain(in));
      }
      return new ImportFile(fileName(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every file of a multipart form, in form order. A browser sends an empty part
   * with no name when no file was chosen; that one is skipped, an empty named file is kept
   * (the importer says it is empty).
   */
  static List<ImportFile> multipart(Context ctx) throws TooLarge, BadUpload {
    refuseDeclaredOversize(ctx);
    List<UploadedFile> parts;
    try {
      parts = ctx.uploadedFiles();
    } catch (Exception e) {
      // Jetty enforces the multipart limits as it reads (what a chunked body relies on), and
      // throws ServletException even though no signature declares it.
      if (causedBySize(e)) {
        try {
          drain(ctx.req().getInputStream());
        } catch (IOException | RuntimeException ignored) {
          // The body may be unreadable after the failed parse; the connection then closes.
        }
        throw new TooLarge(-1);
      }
      throw new BadUpload(rootMessage(e));
    }
    List<ImportFile> files = new ArrayList<>();
    for (UploadedFile part : parts) {
      if (part.filename().isEmpty() && part.size() == 0) {
        continue;
      }
      try (InputStream in = part.content()) {
        files.add(new ImportFile(fileName(part.filename()), in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /** A name safe to show and log: the last path segment, printable, at most 120 characters. */
  static String fileName(String submitted) {
    if (submitted == null) {
      return DEFAULT_NAME;
    }
    String name = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1)
        .replaceAll("\\p{Cntrl}", "").strip();
    if (name.length() > 120) {
      name = name.substring(0, 120);
    }
    return name.isEmpty() ? DEFAULT_NAME : name;
  }

  private static void refuseDeclaredOversize(Context ctx) throws TooLarge {
    long declared = ctx.req().getContentLengthLong();
    if (declared > LIMIT) {
      // A client that waits for "100 Continue" has not sent the body yet: answer without it.
      boolean waiting = "100-continue".equalsIgnoreCase(ctx.header("Expect"));
      if (declared <= DRAIN_CAP && !waiting) {
        try (InputStream in = ctx.req().getInputStream()) {
          drain(in);
        } catch (IOException e) {
          // The client went away; there is nobody left to answer.
        }
      } else if (!waiting) {
        ctx.header("Connection", "close");
      }
      throw new TooLarge(declared);
    }
  }

  /** Reads and discards the rest of the body up to the cap; returns how many bytes that was. */
  private static long drain(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int n;
    while (total < DRAIN_CAP && (n = in.read(buffer)) != -1) {
      total += n;
    }
    return total;
  }

  /** Jetty's multipart parser words its size refusals "max ... exceeded: N". */
  private static boolean causedBySize(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof IllegalStateException && message.startsWith("max ") && message.contains(" exceeded")
          && !message.contains("headers")) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}
