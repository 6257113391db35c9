package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.contract.LabelsCsv;
import io.latentquery.contract.SelectionCsv;
import io.latentquery.contract.SelectionTable;
import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.DatasetManifest;
import io.latentquery.data.IdxDatasets;
import io.latentquery.data.IdxWriter;
import io.latentquery.data.ImageFolderOptions;
import io.latentquery.data.ImageFolderReader;
import io.latentquery.data.Split;
import io.latentquery.data.SplitDataset;
import io.latentquery.eval.ExperimentConfig;
import io.latentquery.eval.ExperimentRunner;
import io.latentquery.files.Json;
import io.latentquery.inference.Encodings;
import io.latentquery.sampling.io.LatentFile;
import io.latentquery.sampling.strategy.SelectionService;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Feeds each file reader 1,000 seeded random mutations of a valid file, through the reader the
 * command line calls and the command line's own error handling. Every case must end in exit 0 or in
 * exit 1 or 2 with one line that is not an exception's type name: never a stack trace, a hang or a
 * crash.
 */
@Tag("fuzz")
class ReaderFuzzTest {
  private static final int CASES = 1000;
  private static final long CASE_TIMEOUT_SECONDS = 20;
  private static final ExecutorService RUNNER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "fuzz-case");
            thread.setDaemon(true);
            return thread;
          });

  /** Words from Java and its libraries that mean an error reached the user untranslated. */
  private static final List<String> LEAKS =
      List.of("io.latentquery.", "java.", "CSVRecord", "Input length =", "Exception", "JsonNode");

  @TempDir Path dir;

  @AfterAll
  static void stopRunner() {
    RUNNER.shutdownNow();
  }

  /** What a reader does with the file, as the command that calls it would. */
  @FunctionalInterface
  interface Read {
    void run() throws Exception;
  }

  @Command(name = "read")
  static final class ReadCommand implements Callable<Integer> {
    private final Read read;

    ReadCommand(Read read) {
      this.read = read;
    }

    @Override
    public Integer call() throws Exception {
      read.run();
      return 0;
    }
  }

  @Test
  void idxImagesAndLabels() throws Exception {
    Path images = dir.resolve("train-images-idx3-ubyte");
    Path labels = dir.resolve("train-labels-idx1-ubyte");
    writeIdx(images, labels, 20);
    Read read = () -> touch(IdxDatasets.read("fuzz", images, labels, null));
    fuzz("IDX images", images, read);
    fuzz("IDX labels", labels, read);
  }

  @Test
  void pngFolder() throws Exception {
    Path folder = imageFolder("png");
    fuzz(
        "PNG folder",
        folder.resolve("b/1.png"),
        () -> touch(new ImageFolderReader(new ImageFolderOptions(3, null)).read(folder)));
  }

  @Test
  void jpegFolder() throws Exception {
    Path folder = imageFolder("jpg");
    fuzz(
        "JPEG folder",
        folder.resolve("b/1.jpg"),
        () -> touch(new ImageFolderReader(ImageFolderOptions.grayscale()).read(folder)));
  }

  @Test
  void latentCsv() throws Exception {
    Path csv = dir.resolve("latent.csv");
    LatentFile.write(csv, encodings());
    fuzz("latent CSV", csv, () -> LatentFile.read(csv));
  }

  @Test
  void latentNpyAndItsIds() throws Exception {
    Path npy = dir.resolve("latent.npy");
    LatentFile.write(npy, encodings());
    fuzz("latent npy", npy, () -> LatentFile.read(npy));
    fuzz("latent npy ids", LatentFile.sidecar(npy), () -> LatentFile.read(npy));
  }

  @Test
  void labelsCsv() throws Exception {
    Path csv = dir.resolve("labels.csv");
    List<String> ids = List.of("3", "1", "4", "10", "5", "9");
    LabelsCsv.write(csv, ids, List.of("cat", "dog", "cat", "bird", "dog", "cat"));
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      pool.add(Integer.toString(i));
    }
    fuzz(
        "labels CSV",
        csv,
        () -> LabelsCsv.read(csv).resolve(pool, "pool", List.of("bird", "cat", "dog")));
  }

  @Test
  void selectionCsv() throws Exception {
    Path csv = dir.resolve("selection.csv");
    List<SelectionTable.Row> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      rows.add(
          new SelectionTable.Row(
              i + 1,
              10 * i,
              "img" + i,
              i % 2 == 0 ? "cat" : "dog",
              new double[] {i, -0.5 * i},
              i % 3,
              0.25 * i));
    }
    SelectionCsv.write(csv, new SelectionTable(2, true, rows));
    fuzz("selection CSV", csv, () -> SelectionCsv.read(csv));
  }

  @Test
  void datasetJson() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("set"));
    writeIdx(folder.resolve("train-images"), folder.resolve("train-labels"), 30);
    writeIdx(folder.resolve("test-images"), folder.resolve("test-labels"), 10);
    Path manifest = folder.resolve(DatasetManifest.FILE_NAME);
    Json.write(
        manifest,
        new DatasetManifest(
            "set",
            "train-images",
            "train-labels",
            "test-images",
            "test-labels",
            20,
            10,
            List.of("a", "b", "c")));
    fuzz(
        "dataset.json",
        manifest,
        () -> {
          SplitDataset data = DataCatalog.standard().open(DataRequest.of(folder.toString()));
          touch(data.split(Split.POOL));
          touch(data.split(Split.VALIDATION));
          if (data.hasTest()) {
            touch(data.split(Split.TEST));
          }
        });
  }

  @Test
  void experimentConfig() throws Exception {
    Path config = dir.resolve("quick.json");
    Files.copy(Path.of("experiments/quick.json"), config);
    TreeSet<String> strategies = new TreeSet<>(SelectionService.standard().registry().names());
    fuzz(
        "experiment config",
        config,
        () ->
            ExperimentConfig.load(config)
                .validate(config.toString(), strategies, ExperimentRunner.modelKinds()));
  }

  /** Reads every image, label and the checksum, as training and encoding would. */
  private static void touch(Dataset data) {
    data.checksum();
    data.batch(0, data.size());
    for (int i = 0; i < data.size(); i++) {
      data.id(i);
    }
    if (data.hasLabels()) {
      data.labels();
    }
  }

  private void fuzz(String reader, Path file, Read read) throws Exception {
    byte[] valid = Files.readAllBytes(file);
    CliRunner.Result clean = run(read);
    assertTrue(clean.exitCode() == 0, reader + ": the valid file fails: " + clean.err());
    Map<String, String> failures = new LinkedHashMap<>();
    Map<String, String> messages = new java.util.TreeMap<>();
    try {
      for (int i = 0; i < CASES; i++) {
        Mutations.Mutant mutant = Mutations.mutate(valid, reader.hashCode(), i);
        Files.write(file, mutant.bytes());
        String problem;
        try {
          CliRunner.Result result = run(read);
          problem = problem(result);
          messages.putIfAbsent(
              result.exitCode()
                  + " "
                  + String.join(" | ", result.errorLines()).replaceAll("\\d+", "#"),
              "case " + i);
        } catch (TimeoutException e) {
          problem = "no answer within " + CASE_TIMEOUT_SECONDS + " s";
        }
        if (problem != null) {
          failures.putIfAbsent(
              problem.replaceAll("\\d+", "#"),
              "case " + i + " (" + mutant.description() + "): " + problem);
        }
      }
    } finally {
      Files.write(file, valid);
    }
    String report = System.getProperty("fuzz.report");
    if (report != null) {
      Files.createDirectories(Path.of(report));
      Files.write(
          Path.of(report, reader.replace(' ', '-') + ".txt"),
          messages.entrySet().stream().map(e -> e.getValue() + ": " + e.getKey()).toList());
    }
    assertTrue(
        failures.isEmpty(),
        reader
            + ": "
            + failures.size()
            + " kind(s) of bad ending:\n"
            + String.join("\n", failures.values()));
  }

  /** Why this ending is not acceptable, or null when it is. */
  private static String problem(CliRunner.Result result) {
    if (result.exitCode() == 0) {
      return null;
    }
    if (result.exitCode() != 1 && result.exitCode() != 2) {
      return "exit " + result.exitCode() + ": " + result.err();
    }
    if (result.err().contains("\tat ")) {
      return "stack trace: " + result.err();
    }
    List<String> lines = result.errorLines();
    if (lines.size() != 1) {
      return lines.size() + " error lines: " + result.err();
    }
    String line = lines.get(0);
    if (line.matches("lq: ([a-z]\\w*\\.)*[A-Z]\\w*(Exception|Error)\\b.*")) {
      return "exception type instead of a message: " + line;
    }
    for (String leak : LEAKS) {
      if (line.contains(leak)) {
        return "library words ('" + leak + "') instead of a message: " + line;
      }
    }
    if (line.endsWith(": null") || line.chars().anyMatch(c -> Character.isISOControl(c))) {
      return "an empty or garbled message: " + line;
    }
    if (line.length() > 400) {
      return "a line of " + line.length() + " characters: " + line.substring(0, 200);
    }
    return null;
  }

  private static CliRunner.Result run(Read read) throws Exception {
    Future<CliRunner.Result> future =
        RUNNER.submit(
            () -> {
              StringWriter out = new StringWriter();
              StringWriter err = new StringWriter();
              CommandLine commandLine = new CommandLine(new ReadCommand(read));
              commandLine.setExecutionExceptionHandler(new ErrorHandler());
              commandLine.setParameterExceptionHandler(new UsageErrorHandler());
              commandLine.setOut(new PrintWriter(out, true));
              commandLine.setErr(new PrintWriter(err, true));
              try {
                int code = commandLine.execute();
                return new CliRunner.Result(code, out.toString(), err.toString());
              } catch (Throwable t) {
                return new CliRunner.Result(-1, "", "escaped the handler: " + t);
              }
            });
    try {
      return future.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw e;
    }
  }

  private static void writeIdx(Path images, Path labels, int count) {
    byte[] pixels = new byte[count * 6 * 5];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 37);
    }
    byte[] classes = new byte[count];
    for (int i = 0; i < count; i++) {
      classes[i] = (byte) (i % 3);
    }
    IdxWriter.write(images, new int[] {count, 6, 5}, pixels);
    IdxWriter.write(labels, new int[] {count}, classes);
  }

  private Path imageFolder(String format) throws IOException {
    Path folder = dir.resolve(format);
    for (String name : List.of("a/0", "a/1", "b/0", "b/1")) {
      BufferedImage image = new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < 10; y++) {
        for (int x = 0; x < 12; x++) {
          image.setRGB(x, y, (x * 20 << 16) | (y * 25 << 8) | name.hashCode() & 0xff);
        }
      }
      Path file = folder.resolve(name + "." + format);
      Files.createDirectories(file.getParent());
      assertTrue(ImageIO.write(image, format, file.toFile()), "no writer for " + format);
    }
    return folder;
  }

  private static Encodings encodings() {
    int n = 8;
    int dim = 3;
    double[] values = new double[n * dim];
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dim; d++) {
        values[i * dim + d] = (i - 3.5) * (d + 1) / 7.0;
      }
      ids.add("img" + i);
      labels.add(i % 2 == 0 ? "even" : "odd");
    }
    return new Encodings(values, n, dim, ids, labels);
  }
}
