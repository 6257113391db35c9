package io.latentquery.sampling.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latentquery.InputException;
import io.latentquery.inference.Encodings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatentFileTest {
  @TempDir Path dir;

  static Encodings sample() {
    return new Encodings(
        new double[] {0.1, -2.5, 1e-7, 3.0, Math.PI, 0.21560586988925934},
        3,
        2,
        List.of("a,b", "7", "dir/x.png"),
        Arrays.asList("cat", null, "dog"));
  }

  @Test
  void csvAndNpyRoundTripBitForBit() {
    for (String name : new String[] {"z.csv", "z.npy"}) {
      Path path = dir.resolve(name);
      LatentFile.write(path, sample());
      Encodings back = LatentFile.read(path);
      assertArrayEquals(sample().values(), back.values(), name);
      assertEquals(sample().ids(), back.ids(), name);
      assertEquals(sample().labels(), back.labels(), name);
    }
    assertTrue(Files.exists(dir.resolve("z.ids.csv")));
  }

  @Test
  void npyHeaderIsWhatNumpyWrites() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
    byte[] bytes = out.toByteArray();
    int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
    assertEquals(0, (10 + headerLength) % 64, "the data starts on a 64-byte boundary");
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertTrue(
        header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }"), header);
    assertTrue(header.endsWith("\n"));
    assertEquals(10 + headerLength + 48, bytes.length);
    assertEquals(
        6.0,
        ByteBuffer.wrap(bytes, bytes.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble());
  }

  @Test
  void readsFloat32NpyWithoutSidecarAndForeignCsv() throws IOException {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }";
    String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
    ByteBuffer data =
        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
    file.write(header.getBytes(StandardCharsets.US_ASCII));
    file.write(data.array());
    Path npy = dir.resolve("other.npy");
    Files.write(npy, file.toByteArray());
    Encodings fromNpy = LatentFile.read(npy);
    assertEquals(1, fromNpy.dim());
    assertArrayEquals(new double[] {1.5, -2}, fromNpy.values());
    assertEquals(List.of("0", "1"), fromNpy.ids());
    assertNull(fromNpy.labels());

    Path csv = dir.resolve("other.csv");
    Files.writeString(csv, "z1,z2,z3\n1,2,3\n4,5,6\n");
    Encodings fromCsv = LatentFile.read(csv);
    assertEquals(3, fromCsv.dim());
    assertEquals(List.of("0", "1"), fromCsv.ids());

    Files.writeString(csv, "id,x\n1,2\n");
    InputException noZ = assertThrows(InputException.class, () -> LatentFile.read(csv));
    assertTrue(noZ.getMessage().contains("has no z1 column"), noZ.getMessage());
    Files.writeString(csv, "id,z1\n1,abc\n");
    InputException notNumber = assertThrows(InputException.class, () -> LatentFile.read(csv));
    assertTrue(
        notNumber.getMessage().endsWith("line 2: z1 is not a number: 'abc'"),
        notNumber.getMessage());
    assertEquals(
        "missing encodings file: " + dir.resolve("none.csv"),
        assertThrows(InputException.class, () -> LatentFile.read(dir.resolve("none.csv")))
            .getMessage());
    Files.write(npy, Arrays.copyOf(file.toByteArray(), 70));
    assertTrue(
        assertThrows(InputException.class, () -> LatentFile.read(npy))
            .getMessage()
            .contains("truncated"));
    assertThrows(
        InputException.class,
        () ->
            Npy.read(
                new ByteArrayInputStream("not numpy".getBytes(StandardCharsets.US_ASCII)), "x"));
  }

  @Test
  void idListsReadAnIdColumnOrOneIdPerLine() throws IOException {
    Path withHeader = dir.resolve("sel.csv");
    Files.writeString(withHeader, "rank,index,id\n1,4,\"a,b\"\n2,0,7\n");
    assertEquals(List.of("a,b", "7"), IdList.read(withHeader));
    Path plain = dir.resolve("ids.txt");
    Files.writeString(plain, "7\n\nmissing\n7\n");
    assertEquals(List.of("7", "missing"), IdList.read(plain));
    IdList.Resolved resolved = IdList.resolve(IdList.read(plain), Map.of("7", 1, "other", 0));
    assertArrayEquals(new int[] {1}, resolved.indices());
    assertEquals(List.of("missing"), resolved.unknown());
  }
}
