/**
 * What a border post and the service exchange besides the tiles (docs/edge.md): the edge bundle, a
 * file of entries with the checkpoint and consistency proof that make them verifiable, carried on a
 * USB stick where there is no network ({@link org.markproof.contracts.edge.EdgeBundle}, written by
 * {@link org.markproof.contracts.edge.EdgeBundleWriter} and read, bounded, by {@link
 * org.markproof.contracts.edge.EdgeBundleReader}).
 */
package org.markproof.contracts.edge;
