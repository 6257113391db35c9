package io.latentquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.contract.LabelsCsv;
import io.latentquery.contract.SelectionCsv;
import io.latentquery.data.DataCatalog;
import io.latentquery.data.DataRequest;
import io.latentquery.data.DatasetManifest;
import io.latentquery.data.IdxFile;
import io.latentquery.data.IdxWriter;
import io.latentquery.data.ImageFolderOptions;
import io.latentquery.data.ImageFolderReader;
import io.latentquery.eval.ExperimentConfig;
import io.latentquery.sampling.io.LatentFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Damaged files the fuzz tier found that once ended without one clear line. */
class DamagedFileRegressionTest {
  @TempDir Path dir;

  private static String refused(Executable read) {
    InputException e = assertThrows(InputException.class, read);
    String line = ErrorHandler.describe(e);
    assertEquals(line, e.getMessage().lines().findFirst().orElse(""), "one line");
    assertFalse(line.chars().anyMatch(Character::isISOControl), line);
    assertFalse(line.contains("io.latentquery.") || line.contains("java."), line);
    return line;
  }

  @Test
  void pngDeclaringAMillionByAMillionPixelsIsRefusedBeforeDecoding() throws Exception {
    Path png = dir.resolve("huge/a.png");
    Files.createDirectories(png.getParent());
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    byte[] bytes = Files.readAllBytes(png);
    // IHDR data starts at byte 16: width then height, big-endian.
    ByteBuffer.wrap(bytes).putInt(16, 1_000_000).putInt(20, 1_000_000);
    Files.write(png, bytes);
    String line =
        refused(
            () ->
                new ImageFolderReader(ImageFolderOptions.grayscale())
                    .read(png.getParent())
                    .checksum());
    assertTrue(line.contains("a.png declares 1000000x1000000 pixels"), line);
  }

  @Test
  void gzippedIdxWithoutItsTrailerEndsEarlyInsteadOfSayingNull() throws Exception {
    Path idx = dir.resolve("images.idx");
    IdxWriter.write(idx, new int[] {2, 3, 3}, new byte[18]);
    byte[] bytes = Files.readAllBytes(idx);
    assertEquals(0x1f, bytes[0] & 0xff, "IdxWriter gzips");
    Files.write(idx, Arrays.copyOf(bytes, bytes.length - 6));
    String line = refused(() -> IdxFile.read(idx, 3));
    assertTrue(line.endsWith("it ends early (the file is truncated)"), line);
  }

  @Test
  void csvFilesThatAreNotUtf8SaySo() throws Exception {
    byte[] latin1 = "id,label,z1\nb\u00e9,x,1.0\n".getBytes(StandardCharsets.ISO_8859_1);
    Path latent = Files.write(dir.resolve("latent.csv"), latin1);
    assertTrue(refused(() -> LatentFile.read(latent)).endsWith("it is not UTF-8 text"));
    Path labels =
        Files.write(
            dir.resolve("labels.csv"),
            "id,label\n1,b\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(refused(() -> LabelsCsv.read(labels)).endsWith("it is not UTF-8 text"));
    Path table = Files.write(dir.resolve("table.csv"), latin1);
    assertTrue(refused(() -> SelectionCsv.read(table)).contains("not UTF-8 text"));
  }

  @Test
  void latentCsvRowShorterThanItsHeaderIsNamedByLine() throws Exception {
    Path csv = Files.writeString(dir.resolve("latent.csv"), "id,label,z1,z2\na,x,1.0,2.0\nb,y\n");
    assertEquals(csv + " line 3: 2 values, expected 4", refused(() -> LatentFile.read(csv)));
  }

  @Test
  void npyHeaderWithALineBreakIsQuotedOnOneLine() throws Exception {
    Path npy = dir.resolve("a.npy");
    Files.write(npy, npy(1, "{'descr': '<f8',\r'fortran': False, 'shape': (1, 1), }\n", 8));
    String line = refused(() -> LatentFile.read(npy));
    assertTrue(line.contains("unreadable .npy header"), line);
  }

  @Test
  void npyVersion2WithANegativeHeaderLengthIsRefused() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0});
    out.write(new byte[] {(byte) 0xf0, (byte) 0xff, (byte) 0xff, (byte) 0xff});
    Path npy = Files.write(dir.resolve("a.npy"), out.toByteArray());
    assertTrue(refused(() -> LatentFile.read(npy)).contains("declares a .npy header of"));
  }

  @Test
  void npyWithANegativeShapeIsRefused() throws Exception {
    Path npy = dir.resolve("a.npy");
    Files.write(npy, npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (-5, 3), }", 8));
    assertTrue(refused(() -> LatentFile.read(npy)).contains("unusable shape -5 x 3"));
  }

  @Test
  void npyClaimingAHugeShapeWithFewBytesIsTruncatedNotAnOutOfMemory() throws Exception {
    Path npy = dir.resolve("a.npy");
    Files.write(
        npy, npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (200000000, 2), }", 80));
    assertTrue(refused(() -> LatentFile.read(npy)).contains("truncated"));
  }

  @Test
  void datasetJsonOfTheWrongShapeNamesNoJavaType() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("set"));
    Files.writeString(folder.resolve(DatasetManifest.FILE_NAME), "{\"poolSize\": 0}\n");
    String line = refused(() -> DataCatalog.standard().open(DataRequest.of(folder.toString())));
    assertTrue(line.contains("dataset.json: poolSize must be >= 1, got 0"), line);
    Files.writeString(
        folder.resolve(DatasetManifest.FILE_NAME), "{\"poolSize\": 5, \"nmae\": \"set\"}\n");
    line = refused(() -> DataCatalog.standard().open(DataRequest.of(folder.toString())));
    assertTrue(line.contains("Unrecognized field \"nmae\"; known fields: classNames, name"), line);
  }

  @Test
  void experimentConfigWithTextForAFlagNamesTheField() throws Exception {
    Path config =
        Files.writeString(dir.resolve("c.json"), "{\"name\": \"x\", \"randomBaseline\": \"yes\"}");
    String line = refused(() -> ExperimentConfig.load(config));
    assertTrue(line.contains("randomBaseline"), line);
    assertTrue(line.contains("true or false"), line);
  }

  @Test
  void controlCharactersAndCarriageReturnsNeverReachTheTerminal() {
    assertEquals(
        "bad label 'a?b'", ErrorHandler.describe(new InputException("bad label 'a\u0007b'\rmore")));
  }

  /** A .npy file: magic, version, a 2-byte header length, the header, then {@code data} bytes. */
  private static byte[] npy(int version, String header, int data) {
    ByteBuffer buffer =
        ByteBuffer.allocate(10 + header.length() + data).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
    buffer.putShort((short) header.length());
    buffer.put(header.getBytes(StandardCharsets.ISO_8859_1));
    return buffer.array();
  }
}
