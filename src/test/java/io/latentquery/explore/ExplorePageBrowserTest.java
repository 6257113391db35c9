package io.latentquery.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.latentquery.cli.CliRunner;
import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.Dataset;
import io.latentquery.data.PngFolders;
import io.latentquery.data.Split;
import io.latentquery.inference.Encodings;
import io.latentquery.sampling.io.LatentFile;
import java.io.File;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * Drives lq explore's page in headless Chromium (Debian's chromium and chromium-driver): the image
 * under the cursor is the pool's image, a lasso adds exactly the points inside it, a click drops a
 * point, and the downloaded selection has the expected ids and is accepted by lq evaluate. On CI
 * (CI=true) a missing browser fails the test; elsewhere it skips it, saying what to install.
 */
class ExplorePageBrowserTest {
  private static final String CHROMIUM =
      System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
  private static final String DRIVER =
      System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

  @TempDir static Path downloads;
  @TempDir Path dir;

  private static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() {
    boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
    String missing =
        "headless Chromium is needed: "
            + CHROMIUM
            + " and "
            + DRIVER
            + " (Debian: apt-get install chromium chromium-driver)";
    if (!present && "true".equals(System.getenv("CI"))) {
      fail(missing);
    }
    Assumptions.assumeTrue(present, "skipped: " + missing);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000");
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    options.setExperimentalOption("prefs", prefs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private static void open(Path page) throws InterruptedException {
    browser.get(page.toUri().toString());
    waitFor(
        () -> Boolean.TRUE.equals(js("return !!(window.lqExplore && window.lqExplore.ready)")),
        Duration.ofSeconds(30),
        "the page to load " + page);
  }

  private static void waitFor(BooleanSupplier condition, Duration limit, String what)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        fail("waited " + limit.toSeconds() + " s for " + what);
      }
      Thread.sleep(50);
    }
  }

  /** Viewport pixel of example {@code id}'s point, as the page draws it. */
  private static int[] screen(String id) {
    @SuppressWarnings("unchecked")
    List<Number> xy = (List<Number>) js("return window.lqExplore.screenPoint(arguments[0])", id);
    return new int[] {
      (int) Math.round(xy.get(0).doubleValue()), (int) Math.round(xy.get(1).doubleValue())
    };
  }

  @SuppressWarnings("unchecked")
  private static List<String> selection() {
    return (List<String>) js("return window.lqExplore.selection()");
  }

  @Test
  void hoverShowsTheImageLassoAddsClickDropsAndTheDownloadIsASelection() throws Exception {
    // A user's folder: 3 classes of 20 training images, 5 test images each; 28x28 grayscale.
    Path folder = dir.resolve("bands");
    for (int c = 0; c < 3; c++) {
      PngFolders.write(folder.resolve("train/c" + c), c, 3, 20, 28);
      PngFolders.write(folder.resolve("test/c" + c), c, 3, 5, 28);
    }
    Dataset pool = new DataCatalog(dir).open(DataRequest.of(folder.toString())).split(Split.POOL);
    assertEquals(60, pool.size());
    // Encodings on a 10 x 6 grid: pool index i at (i % 10, i / 10).
    Encodings grid = ExploreFixtures.grid(pool, 10);
    Path latent = dir.resolve("z.csv");
    LatentFile.write(latent, grid);
    Path start = dir.resolve("start.csv");
    Files.writeString(start, "rank,index,id\n1,0," + pool.id(0) + "\n2,5," + pool.id(5) + "\n");
    Path page = dir.resolve("explore.html");
    CliRunner.Result made =
        CliRunner.run(
            "explore",
            "--latent",
            latent.toString(),
            "--data",
            folder.toString(),
            "--selection",
            start.toString(),
            "--out",
            page.toString());
    assertEquals(0, made.exitCode(), made.err());

    open(page);
    assertEquals(List.of(pool.id(0), pool.id(5)), selection());

    // Hover: the side panel names the example and shows exactly its pixels.
    int target = 23;
    int[] at = screen(pool.id(target));
    new Actions(browser).moveToLocation(at[0], at[1]).perform();
    assertEquals(pool.id(target), browser.findElement(By.id("hover-id")).getText());
    @SuppressWarnings("unchecked")
    List<Number> rgba =
        (List<Number>)
            js(
                "const c = document.getElementById('hover-image');"
                    + "return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height)"
                    + ".data);");
    float[] image = pool.image(target);
    assertEquals(image.length * 4, rgba.size());
    for (int p = 0; p < image.length; p++) {
      assertEquals(Math.round(image[p] * 255), rgba.get(4 * p).intValue(), "pixel " + p);
    }

    // Lasso around grid columns 2..4 and rows 1..2: its corners lie halfway between points.
    int[] a = screen(pool.id(11)); // column 1, row 1
    int[] b = screen(pool.id(22)); // column 2, row 2
    int[] c = screen(pool.id(34)); // column 4, row 3
    int[] d = screen(pool.id(5)); // column 5, row 0
    int left = (a[0] + b[0]) / 2;
    int right = (c[0] + d[0]) / 2;
    int top = (b[1] + c[1]) / 2; // between rows 2 and 3 (y grows downwards on screen)
    int bottom = (a[1] + screen(pool.id(1))[1]) / 2; // between rows 1 and 0
    new Actions(browser)
        .moveToLocation(left, top)
        .clickAndHold()
        .moveToLocation(right, top)
        .moveToLocation(right, bottom)
        .moveToLocation(left, bottom)
        .release()
        .perform();
    List<String> expected = new ArrayList<>(List.of(pool.id(0), pool.id(5)));
    for (int index : new int[] {12, 13, 14, 22, 23, 24}) {
      expected.add(pool.id(index));
    }
    assertEquals(expected, selection());

    // A click on a selected point drops it.
    int[] five = screen(pool.id(5));
    new Actions(browser).moveToLocation(five[0], five[1]).click().perform();
    expected.remove(pool.id(5));
    assertEquals(expected, selection());
    assertEquals("7 selected", browser.findElement(By.id("count")).getText());

    // The download: lq sample's columns, the expected ids in order, accepted by lq evaluate.
    browser.findElement(By.id("download")).click();
    Path csv = downloads.resolve("selection.csv");
    waitFor(() -> Files.isRegularFile(csv), Duration.ofSeconds(20), "the download " + csv);
    List<String> ids = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      assertEquals(
          List.of("rank", "index", "id", "label", "z1", "z2", "draw_distance"),
          parser.getHeaderNames());
      int rank = 1;
      for (CSVRecord row : parser) {
        int index = Integer.parseInt(row.get("index"));
        assertEquals(rank++, Integer.parseInt(row.get("rank")));
        assertEquals(pool.id(index), row.get("id"));
        assertEquals(pool.classNames().get(pool.label(index)), row.get("label"));
        assertEquals(index % 10, Double.parseDouble(row.get("z1")), 0);
        assertEquals(index / 10, Double.parseDouble(row.get("z2")), 0);
        ids.add(row.get("id"));
      }
    }
    assertEquals(expected, ids);
    CliRunner.Result evaluated =
        CliRunner.run(
            "evaluate",
            "--data",
            folder.toString(),
            "--selection",
            csv.toString(),
            "--steps",
            "2",
            "--threads",
            "1",
            "--out",
            dir.resolve("edited.evaluation.json").toString());
    assertEquals(0, evaluated.exitCode(), evaluated.err());
    assertTrue(evaluated.out().contains("accuracy"), evaluated.out());
  }

  @Test
  void tensOfThousandsOfPointsDrawAndHoverQuickly() throws Exception {
    Dataset pool = ExploreFixtures.pool(30_000, 10, 4);
    Path page = dir.resolve("big.html");
    ExploreSettings settings = new ExploreSettings(10, 30_000, 0, 32);
    new ExploreJob(settings)
        .write(
            new ExploreJob.Input(ExploreFixtures.grid(pool, 200), pool, new int[0], "big"),
            page,
            false);
    long started = System.nanoTime();
    open(page);
    double seconds = (System.nanoTime() - started) / 1e9;
    assertTrue(seconds < 20, "page took " + seconds + " s to load and draw");
    String id = pool.id(12_345);
    int[] at = screen(id);
    new Actions(browser).moveToLocation(at[0], at[1]).perform();
    assertEquals(id, browser.findElement(By.id("hover-id")).getText());
  }
}
