package org.aimonitor.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.aimonitor.store.DataError;

/** One input file, as read from disk or uploaded: its name for messages and its exact bytes. */
public record ImportFile(String name, byte[] bytes) {

  /** Hex SHA-256 of the bytes, for the import log. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The text of the file as strict UTF-8 (a leading BOM is dropped), or the located reason it is
   * not text: a NUL byte or an invalid UTF-8 sequence.
   */
  public Decoded decode() {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return new Decoded(null, at(i, "contains a NUL byte: not a text file"));
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      return new Decoded(null, at(in.position(), "is not valid UTF-8 (byte 0x"
          + HexFormat.of().toHexDigits(bytes[in.position()]) + ")"));
    }
    decoder.flush(out);
    return new Decoded(out.flip().toString(), null);
  }

  private DataError at(int offset, String message) {
    long line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new DataError(name, line, offset - lineStart + 1, message);
  }

  /** The decoded text, or the error that prevented decoding. */
  public record Decoded(String text, DataError error) {
  }
}
