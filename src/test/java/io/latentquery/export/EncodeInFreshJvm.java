package io.latentquery.export;

import io.latentquery.data.ImageShape;
import io.latentquery.inference.SavedModelEncoder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link SavedModelExporterTest}: loads an exported encoder the way the
 * sampler does and encodes images read from a file. Arguments: ENCODER_DIR H W C IN OUT, where IN
 * holds an int count then count*H*W*C floats and OUT receives the latent floats.
 */
public final class EncodeInFreshJvm {
  private EncodeInFreshJvm() {}

  public static void main(String[] args) throws IOException {
    ImageShape shape =
        new ImageShape(
            Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    float[] images;
    int count;
    try (DataInputStream in = new DataInputStream(Files.newInputStream(Path.of(args[4])))) {
      count = in.readInt();
      images = new float[count * shape.size()];
      for (int i = 0; i < images.length; i++) {
        images[i] = in.readFloat();
      }
    }
    try (SavedModelEncoder encoder = SavedModelEncoder.open(Path.of(args[0]));
        DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[5])))) {
      float[] latent = encoder.encode(images, count, shape);
      out.writeInt(latent.length);
      for (float v : latent) {
        out.writeFloat(v);
      }
    }
  }
}
