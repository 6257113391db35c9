package io.latentquery.data;

import io.latentquery.SettingException;

/**
 * How an image folder is read.
 *
 * @param channels 1 converts to grayscale, 3 keeps RGB
 * @param resize a size every image is scaled to, or null to require one shared size
 * @param split how to split a single folder by fraction, or null for none (or its recorded split)
 */
public record ImageFolderOptions(int channels, ImageShape resize, FolderSplit split) {
  public ImageFolderOptions {
    if (channels != 1 && channels != 3) {
      throw new SettingException("channels", "must be 1 (grayscale) or 3 (RGB), got " + channels);
    }
  }

  public ImageFolderOptions(int channels, ImageShape resize) {
    this(channels, resize, null);
  }

  public static ImageFolderOptions grayscale() {
    return new ImageFolderOptions(1, null);
  }
}
