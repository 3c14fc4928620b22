/** Index of the largest value in each row of a row-major images × classes matrix. */
export function argmaxRows(probabilities: Float32Array, classes: number): Int32Array {
  const n = probabilities.length / classes;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probabilities[i * classes + c]! > probabilities[i * classes + best]!) best = c;
    out[i] = best;
  }
  return out;
}
