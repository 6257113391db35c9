package io.latentquery.data;

import io.latentquery.provenance.Provenance;
import java.util.List;

/**
 * What {@code lq data unbalance} wrote, stored as {@value #FILE_NAME} beside the dataset: the
 * source, the settings (seed included), the pool's class counts before and after, and the split
 * sizes.
 *
 * @param source the dataset the pool came from
 * @param sourcePoolChecksum checksum of the source pool
 * @param settings the unbalancing settings
 * @param classNames names by class index
 * @param poolCountsBefore pool examples per class index before
 * @param poolCountsAfter pool examples per class index after
 * @param poolSize examples in the new pool
 * @param addedExamples new (warped) examples in the new pool
 * @param validationSize validation examples (copied unchanged)
 * @param testSize test examples (copied unchanged), 0 when the source has none
 * @param provenance versions, machine and time
 */
public record UnbalanceSummary(
    String source,
    String sourcePoolChecksum,
    UnbalanceSettings settings,
    List<String> classNames,
    List<Integer> poolCountsBefore,
    List<Integer> poolCountsAfter,
    int poolSize,
    int addedExamples,
    int validationSize,
    int testSize,
    Provenance provenance) {
  public static final String FILE_NAME = "unbalance.json";
}
