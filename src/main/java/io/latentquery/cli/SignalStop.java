package io.latentquery.cli;

import io.latentquery.train.StopRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While open, SIGTERM and SIGINT (Ctrl-C) ask training to stop at the next step instead of killing
 * the JVM at once; a second signal exits at once. Closing restores the usual handling.
 */
final class SignalStop implements AutoCloseable {
  /** The shell's exit codes for death by these signals: 128 + the signal number. */
  static final Map<String, Integer> EXIT_CODES = Map.of("TERM", 143, "INT", 130);

  private final StopRequest request = new StopRequest();
  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

  private SignalStop() {}

  /** Installs the handlers. */
  static SignalStop install() {
    SignalStop stop = new SignalStop();
    for (String name : EXIT_CODES.keySet()) {
      Signal signal = new Signal(name);
      stop.previous.put(signal, Signal.handle(signal, stop::handle));
    }
    return stop;
  }

  private void handle(Signal signal) {
    if (request.requested()) {
      Runtime.getRuntime().halt(EXIT_CODES.get(signal.getName()));
    }
    request.request("SIG" + signal.getName());
  }

  StopRequest request() {
    return request;
  }

  /** The exit code for the signal that asked to stop. */
  int exitCode() {
    return EXIT_CODES.get(request.reason().substring("SIG".length()));
  }

  @Override
  public void close() {
    previous.forEach(Signal::handle);
  }
}
