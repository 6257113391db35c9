package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.UsesTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(UsesTestData.class)
class EmbeddingBenchCommandTest {
  @TempDir Path temp;

  @Test
  void reportsTheFiguresAndTheNetworkItTrained() throws Exception {
    CliRunner.Result result =
        CliRunner.run(
            "bench",
            "embedding",
            "--data",
            "mnist",
            "--limit",
            "200",
            "--models",
            "conv",
            "--epochs",
            "1",
            "--filters",
            "4",
            "--dense",
            "8",
            "--threads",
            "1",
            "--trust-subset",
            "50",
            "--work",
            temp.toString());
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(
        result
            .out()
            .contains(
                "preset small (filters [4], 1 convolution(s) per level, dense [8]), L = 2, batch 64"),
        result.out());
    List<String> rows = result.out().lines().filter(l -> l.startsWith("conv ")).toList();
    assertEquals(1, rows.size(), result.out());
    String[] fields = rows.get(0).trim().split("\\s+");
    assertEquals("1", fields[1], "epochs in " + rows.get(0));
    double accuracy = Double.parseDouble(fields[3].replace("%", ""));
    // One epoch on 200 images gives about 21% over the 10,000 test images; test labels matched to
    // the wrong pool labels would give chance, 10% +- 0.3%.
    assertTrue(accuracy > 15 && accuracy <= 100, "1-NN accuracy of 10 classes: " + rows.get(0));
    String settings = Files.readString(temp.resolve("mnist-conv/settings.json"));
    assertTrue(settings.contains("\"denseWidths\" : [ 8 ]"), settings);
  }
}
