package org.aimonitor.store;

/** A problem in an input file, located the way compilers do: {@code file:line:column: message}. */
public record DataError(String file, long line, long column, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
