package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleBenchCommandTest {
  /**
   * In R^16 a uniform box around standard-normal points puts nearly every draw far from them: the
   * row says whether uniform took its n or stopped after the default 10,000 misses in a row.
   */
  @Test
  void missesCaseReportsWhatUniformDidInSixteenDimensions() {
    CliRunner.Result run =
        CliRunner.run("bench", "sample", "--misses", "--points", "3000", "-n", "100");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out()
            .matches(
                "(?s).*\\| uniform n = 100, L = 16, standard normal \\| 3,000 \\| "
                    + "(100 selected, \\d+ draws|uniform: stopped after 10000 draws in a row found no"
                    + " unselected point within threshold [0-9.]+ \\(\\d+ of 100 taken\\))"
                    + " \\| [0-9.]+ \\| [0-9.]+ \\| \\d+ MiB \\|.*"),
        run.out());
  }
}
