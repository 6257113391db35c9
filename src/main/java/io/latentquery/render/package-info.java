/**
 * Pictures that need the exported models: {@link io.latentquery.render.RunReport} joins a training
 * run's folder, its SavedModels ({@code inference}) and its data to the pure {@code report}
 * package, and {@link io.latentquery.render.LatentImages} decodes latent points to PNG files. The
 * {@code report} package itself never loads TensorFlow; this one does, and reads run folders as
 * plain JSON and CSV so that it never depends on the training code.
 */
package io.latentquery.render;
