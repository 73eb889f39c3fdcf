package org.aimonitor.store;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot be stored; carries every located error found, not just the first. */
public final class DataException extends RuntimeException {

  private final List<DataError> errors;

  public DataException(List<DataError> errors) {
    super(errors.stream().map(DataError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<DataError> errors() {
    return errors;
  }
}
