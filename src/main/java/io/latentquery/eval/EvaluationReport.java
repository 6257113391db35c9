package io.latentquery.eval;

import io.latentquery.provenance.Provenance;

/**
 * What {@code lq evaluate} writes: the result and everything needed to reproduce it.
 *
 * @param data the dataset (name or path)
 * @param selection the selection file, or null for a random selection
 * @param selectionSha256 checksum of the selection file, or null
 * @param randomSize size of the random selection, or null
 * @param result the evaluation
 * @param provenance settings, seed, data checksum (pool, selected indices), versions, time
 */
public record EvaluationReport(
    String data,
    String selection,
    String selectionSha256,
    Integer randomSize,
    EvaluationResult result,
    Provenance provenance) {}
