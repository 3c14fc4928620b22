/**
 * A request that names something the snapshot, model or dataset does not have, or asks for a
 * picture of a layer that has none (a filter grid of a non-conv kernel, feature maps of a
 * sequence): the caller's mistake, a 4xx, not a crash.
 */
export class InspectInputError extends Error {
  override readonly name = 'InspectInputError';
}
