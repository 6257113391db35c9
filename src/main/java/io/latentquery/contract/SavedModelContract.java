package io.latentquery.contract;

/**
 * The names by which exported SavedModels are read: the one place the exporter and every reader
 * (sampler, encode, report, other services) agree on. Readers take these as defaults and let the
 * user override them for SavedModels exported by other tools.
 */
public final class SavedModelContract {
  private SavedModelContract() {}

  /** Signature key of every exported model. */
  public static final String SIGNATURE = "serving_default";

  /** Tag set of every exported model. */
  public static final String TAG = "serve";

  /**
   * Input of the encoder and the autoencoder, and output of the decoder: float32 [-1,H,W,C] in
   * [0,1].
   */
  public static final String IMAGE = "image";

  /** Output of the encoder and input of the decoder: float32 [-1,L]. For a VAE, the mean. */
  public static final String LATENT = "latent";

  /** Second encoder output of variational models: the log-variance, float32 [-1,L]. */
  public static final String LATENT_LOGVAR = "latent_logvar";

  /** Output of the autoencoder: float32 [-1,H,W,C] in [0,1]. */
  public static final String RECONSTRUCTION = "reconstruction";

  /** Output of the autoencoder: per-example mean absolute reconstruction error, float32 [-1]. */
  public static final String ERROR = "error";

  /** Folder names of the three exports under {@code savedmodels/NAME/}. */
  public static final String ENCODER_DIR = "encoder";

  public static final String DECODER_DIR = "decoder";
  public static final String AUTOENCODER_DIR = "autoencoder";

  /** Provenance file copied beside an export. */
  public static final String PROVENANCE_FILE = "provenance.json";
}
