package io.latentquery.train;

/**
 * How a run ended.
 *
 * @param run the run folder
 * @param epochs completed epochs
 * @param trainLoss mean training loss of the last epoch trained in this process, or NaN when there
 *     was nothing left to train
 * @param validationLoss validation loss of that epoch, or null without validation
 */
public record TrainResult(RunFolder run, int epochs, double trainLoss, Double validationLoss) {}
