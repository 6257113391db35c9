package io.latentquery.sampling.io;

import io.latentquery.provenance.Provenance;
import java.util.Map;

/**
 * What {@code selection.json} records beside a selection: everything needed to reproduce it and to
 * judge it.
 *
 * @param strategy the strategy's command-line name
 * @param requested n
 * @param selected examples selected (n)
 * @param seed the random seed
 * @param parameters every parameter the strategy used, derived defaults included
 * @param inputs where the encodings came from: encoder path and SHA-256 of its folder, data name,
 *     split and checksum, or the encodings file and its checksum
 * @param counts pool size, examples already labeled, labeled ids not in the pool
 * @param classHistogram selected examples per class, when labels are known (else null)
 * @param seconds wall-clock time of the whole command
 * @param provenance versions, machine and time
 * @param draws the latent vectors the strategy drew that picked points, in rank order (empty for
 *     strategies that do not draw): artificial examples for {@code lq decode} and the report
 */
public record SelectionRecord(
    String strategy,
    int requested,
    int selected,
    long seed,
    Map<String, Object> parameters,
    Map<String, Object> inputs,
    Map<String, Integer> counts,
    Map<String, Integer> classHistogram,
    double seconds,
    Provenance provenance,
    java.util.List<double[]> draws) {}
