package io.latentquery.sampling.job;

import java.util.function.IntConsumer;

/** Shows how far a long pass over the pool has got: a bar on a terminal, log lines, or nothing. */
@FunctionalInterface
public interface ProgressDisplay {
  /** Starts showing {@code task} over {@code total} examples. */
  Task start(String task, int total);

  /** One pass: told the number of examples done so far, closed at the end. */
  interface Task extends IntConsumer, AutoCloseable {
    @Override
    void close();
  }

  /** Shows nothing (batch runs, tests). */
  static ProgressDisplay silent() {
    return (task, total) ->
        new Task() {
          @Override
          public void accept(int done) {}

          @Override
          public void close() {}
        };
  }
}
