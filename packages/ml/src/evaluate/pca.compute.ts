/** Principal components of a data matrix and the data projected on them. */
export interface TPca {
  /** Unit vectors (length d), the largest variance first. */
  components: Float64Array[];
  /** The variance along each component (eigenvalues of the sample covariance). */
  variances: number[];
  /** Each variance over the total variance (the covariance's trace). */
  explained: number[];
  /** Per component, every row's coordinate on it (length n), the data centred first. */
  projected: Float64Array[];
}

const MAX_ITERATIONS = 1_000;
const TOLERANCE = 1e-12;

/**
 * PCA of `data` (n rows × d columns, row-major), plain TypeScript: the sample covariance
 * (d × d, float64), then its top `k` eigenvectors by power iteration with deflation (each new
 * vector kept orthogonal to those found). d is a layer's width (84 … 1,024) and n ≤ 2,000, so
 * the covariance costs at most ~10⁹ multiply-adds: seconds on a worker, no linear-algebra
 * dependency. A component's sign is arbitrary in PCA; here its largest entry is positive, so
 * a recomputation draws the same picture.
 */
export function pca(data: Float32Array | Float64Array, n: number, d: number, k = 2): TPca {
  if (data.length !== n * d) throw new Error(`${data.length} values are not ${n} rows of ${d}`);
  if (n < 2) throw new Error('PCA needs at least 2 rows');
  if (k < 1 || k > d) throw new Error(`k must be 1…${d}, got ${k}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += data[i * d + j]! / n;
  const centred = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) centred[i * d + j] = data[i * d + j]! - mean[j]!;

  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let a = 0; a < d; a++) {
      const va = centred[row + a]!;
      if (va === 0) continue; // ReLU layers: many exact zeros
      const out = a * d;
      for (let b = a; b < d; b++) cov[out + b]! += va * centred[row + b]!;
    }
  }
  let trace = 0;
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) cov[b * d + a] = cov[a * d + b]! /= n - 1;
    trace += cov[a * d + a]!;
  }

  const components: Float64Array[] = [];
  const variances: number[] = [];
  for (let c = 0; c < k; c++) {
    const { vector, value } = topEigen(cov, d, components, c);
    components.push(vector);
    variances.push(value);
  }
  const projected = components.map((v) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += centred[i * d + j]! * v[j]!;
      out[i] = s;
    }
    return out;
  });
  return { components, variances, explained: variances.map((v) => (trace === 0 ? 0 : v / trace)), projected };
}

/** The covariance's largest eigenpair orthogonal to `found`, by power iteration. */
function topEigen(cov: Float64Array, d: number, found: readonly Float64Array[], seed: number): { vector: Float64Array; value: number } {
  // A fixed, non-degenerate start (not orthogonal to any axis in practice), so runs are repeatable.
  let v = new Float64Array(d).map((_, j) => 1 + ((j * 7 + seed * 13) % 11) / 10);
  orthogonalise(v, found);
  normalise(v);
  let value = 0;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    const w = new Float64Array(d);
    for (let a = 0; a < d; a++) {
      let s = 0;
      for (let b = 0; b < d; b++) s += cov[a * d + b]! * v[b]!;
      w[a] = s;
    }
    orthogonalise(w, found);
    value = normalise(w);
    if (value === 0) return { vector: fixSign(v), value: 0 }; // no variance left: any orthogonal unit vector
    let change = 0;
    for (let j = 0; j < d; j++) change += (w[j]! - v[j]!) ** 2;
    v = w;
    if (change < TOLERANCE) break;
  }
  return { vector: fixSign(v), value };
}

function orthogonalise(v: Float64Array, basis: readonly Float64Array[]): void {
  for (const u of basis) {
    let dot = 0;
    for (let j = 0; j < v.length; j++) dot += v[j]! * u[j]!;
    for (let j = 0; j < v.length; j++) v[j]! -= dot * u[j]!;
  }
}

/** Scales v to unit length in place; answers its former length. */
function normalise(v: Float64Array): number {
  const norm = Math.hypot(...v);
  if (norm > 0) for (let j = 0; j < v.length; j++) v[j]! /= norm;
  return norm;
}

function fixSign(v: Float64Array): Float64Array {
  let big = 0;
  for (let j = 1; j < v.length; j++) if (Math.abs(v[j]!) > Math.abs(v[big]!) + 1e-9) big = j;
  if (v[big]! < 0) for (let j = 0; j < v.length; j++) v[j] = -v[j]!;
  return v;
}
