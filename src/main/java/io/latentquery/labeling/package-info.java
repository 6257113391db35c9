/**
 * The round trip with Label Studio: {@link io.latentquery.labeling.LabelStudioExport} hands the
 * chosen pool images to a person as Label Studio tasks, {@link
 * io.latentquery.labeling.LabelStudioImport} brings the annotations back as a labels file ({@code
 * id,label}). The export folder's manifest ({@link io.latentquery.labeling.ExportManifest}) is what
 * the import checks against: the pool ids handed out and the classes offered.
 */
package io.latentquery.labeling;
