package io.latentquery;

/**
 * A problem with something the user handed us (a missing or corrupt file, a wrong shape, a
 * SavedModel with the wrong signature). The message is one line that names the problem; the CLI
 * prints it without a stack trace and exits with code 1.
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
