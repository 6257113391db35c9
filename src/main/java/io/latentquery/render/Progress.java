package io.latentquery.render;

import java.util.function.IntConsumer;

/** Where long steps report how far they are: the CLI shows a bar, tests show nothing. */
@FunctionalInterface
public interface Progress {
  /** Progress of nothing. */
  Progress NONE =
      (task, total) ->
          new Step() {
            @Override
            public void accept(int done) {}

            @Override
            public void close() {}
          };

  /** Starts a step of {@code total} examples named {@code task}. */
  Step start(String task, int total);

  /** One step: receives the number of examples done so far; closed when the step ends. */
  interface Step extends IntConsumer, AutoCloseable {
    @Override
    void close();
  }
}
