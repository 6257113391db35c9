package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EncodeBenchCommandTest {
  @Test
  void encodesEverySyntheticImageAndReportsRateAndPeakMemory() {
    CliRunner.Result run =
        CliRunner.run("bench", "encode", "--images", "300", "--batch-size", "64", "--threads", "1");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("(300 images in "), run.out());
    assertTrue(run.out().matches("(?s).*peak RSS \\d+ kB, max heap \\d+ MiB.*"), run.out());
  }

  @Test
  void aPoolOfNoImagesIsAUsageErrorNamingTheFlag() {
    CliRunner.Result run = CliRunner.run("bench", "encode", "--images", "0");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--images must be >= 1, got 0"), run.err());
  }
}
