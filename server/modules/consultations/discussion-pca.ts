// The linear algebra of the opinion map on a sparse vote matrix: the first two principal components by block power
// iteration on the covariance, applied as two sparse mat-vec products per step (the 1,000 × 1,000 covariance and the
// dense 2,000 × 1,000 matrix are never formed), and the silhouette of a 2-D clustering on a bounded sample.

/** Rows of a sparse matrix in compressed form (CSR): row i holds cols[ptr[i]..ptr[i+1]) with values vals[…]. */
export interface SparseRows {
  rows: number;
  ptr: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
}

export function sparseRows(rows: Map<number, number>[], col: Map<number, number>): SparseRows {
  let nnz = 0;
  for (const r of rows) nnz += r.size;
  const ptr = new Int32Array(rows.length + 1);
  const cols = new Int32Array(nnz);
  const vals = new Float64Array(nnz);
  let k = 0;
  rows.forEach((r, i) => {
    // Columns in ascending order, so sums run in the same order whatever order the votes were read in.
    const entries = [...r].map(([s, v]) => [col.get(s)!, v]).sort((a, b) => a[0] - b[0]);
    for (const [c, v] of entries) {
      cols[k] = c;
      vals[k++] = v;
    }
    ptr[i + 1] = k;
  });
  return { rows: rows.length, ptr, cols, vals };
}

/** mulberry32, a small deterministic generator in 32-bit integers: the starting vectors are the same for a seed. */
export function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

function normalise(v: Float64Array): boolean {
  const n = Math.sqrt(dot(v, v));
  if (!(n > 1e-12)) return false;
  for (let i = 0; i < v.length; i++) v[i] /= n;
  return true;
}

/** y = (X − 1μᵀ) v: the centred matrix times a vector, without centring the matrix (that would make it dense). */
function timesV(m: SparseRows, mean: Float64Array, v: Float64Array, y: Float64Array) {
  const shift = dot(mean, v);
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    for (let k = m.ptr[i]; k < m.ptr[i + 1]; k++) s += m.vals[k] * v[m.cols[k]];
    y[i] = s - shift;
  }
}

/** z = (X − 1μᵀ)ᵀ y. */
function transposeTimes(m: SparseRows, mean: Float64Array, y: Float64Array, z: Float64Array) {
  z.fill(0);
  let total = 0;
  for (let i = 0; i < m.rows; i++) {
    const yi = y[i];
    total += yi;
    for (let k = m.ptr[i]; k < m.ptr[i + 1]; k++) z[m.cols[k]] += m.vals[k] * yi;
  }
  for (let c = 0; c < z.length; c++) z[c] -= mean[c] * total;
}

/** Gram–Schmidt on two vectors; a vector that vanishes (no variance left) is marked dead. */
function orthonormalise(a: Float64Array, b: Float64Array): [boolean, boolean] {
  const first = normalise(a);
  const p = first ? dot(a, b) : 0;
  for (let c = 0; c < b.length; c++) b[c] -= p * a[c];
  return [first, first && normalise(b)];
}

/** Rayleigh–Ritz in the plane found: turns the two vectors onto the eigenvectors of C restricted to it, largest first. */
function rotateToComponents(m: SparseRows, mean: Float64Array, v: Float64Array[], y: Float64Array, w: Float64Array[]) {
  for (let j = 0; j < 2; j++) {
    timesV(m, mean, v[j], y);
    transposeTimes(m, mean, y, w[j]);
  }
  const h00 = dot(v[0], w[0]);
  const h01 = dot(v[0], w[1]);
  const h11 = dot(v[1], w[1]);
  const theta = 0.5 * Math.atan2(2 * h01, h00 - h11);
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  for (let c = 0; c < v[0].length; c++) {
    const a = v[0][c];
    const b = v[1][c];
    v[0][c] = cos * a + sin * b;
    v[1][c] = -sin * a + cos * b;
  }
}

export const MAX_ITERATIONS = 1000;
const TOLERANCE = 1e-10;

/**
 * The participants' coordinates on the first two principal components of the centred (not scaled) vote matrix, as
 * ml-pca would give them. Orthogonal (block power) iteration on C = XcᵀXc with two vectors; each step costs two passes
 * over the votes. A component that explains nothing (votes of rank one) is flat: its coordinates are 0.
 */
export function projectTwo(m: SparseRows, columns: number, seed: number): number[][] {
  const mean = new Float64Array(columns);
  for (let k = 0; k < m.cols.length; k++) mean[m.cols[k]] += m.vals[k];
  for (let c = 0; c < columns; c++) mean[c] /= m.rows;
  const r = seeded(seed);
  const v = [new Float64Array(columns), new Float64Array(columns)];
  for (const x of v) for (let c = 0; c < columns; c++) x[c] = r() - 0.5;
  const y = new Float64Array(m.rows);
  const z = [new Float64Array(columns), new Float64Array(columns)];
  const alive = orthonormalise(v[0], v[1]);
  for (let it = 0; it < MAX_ITERATIONS && alive[0]; it++) {
    for (let j = 0; j < 2; j++) {
      timesV(m, mean, v[j], y);
      transposeTimes(m, mean, y, z[j]);
    }
    const now = orthonormalise(z[0], z[1]);
    // Converged when the new vectors lie in the old plane: with two components of nearly equal weight (three camps)
    // the vectors may still turn within the plane, which the rotation below settles.
    let moved = 0;
    for (let j = 0; j < 2; j++) if (now[j]) moved = Math.max(moved, 1 - dot(z[j], v[0]) ** 2 - dot(z[j], v[1]) ** 2);
    for (let j = 0; j < 2; j++) v[j].set(z[j]);
    alive[0] = now[0];
    alive[1] = now[1];
    if (moved < TOLERANCE) break;
  }
  if (alive[0] && alive[1]) rotateToComponents(m, mean, v, y, z);
  // The sign of a component is arbitrary: the largest loading is made positive, so reruns draw the same picture.
  for (const x of v) {
    let at = 0;
    for (let c = 1; c < columns; c++) if (Math.abs(x[c]) > Math.abs(x[at]) + 1e-12) at = c;
    if (x[at] < 0) for (let c = 0; c < columns; c++) x[c] = -x[c];
  }
  const coords = v.map((x, j) => {
    const out = new Float64Array(m.rows);
    if (alive[j]) timesV(m, mean, x, out);
    return out;
  });
  return Array.from({ length: m.rows }, (_, i) => [coords[0][i], coords[1][i]]);
}

/** Mean silhouette of a clustering in 2-D; O(n²) over the points. */
export function silhouette(points: number[][], labels: number[], k: number): number {
  const n = points.length;
  let total = 0;
  const sums = new Float64Array(k);
  const sizes = new Int32Array(k);
  for (const l of labels) sizes[l]++;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const [xi, yi] = points[i];
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const dx = xi - points[j][0];
      const dy = yi - points[j][1];
      sums[labels[j]] += Math.sqrt(dx * dx + dy * dy);
    }
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    total += (b - a) / Math.max(a, b) || 0;
  }
  return total / n;
}

/** Points the silhouette is measured on when there are more: enough to compare k = 2…5, bounded in time. */
export const SILHOUETTE_SAMPLE = 600;

/** The silhouette on an evenly spaced sample (every ⌈n/600⌉-th participant by id): the same sample for the same votes. */
export function sampledSilhouette(points: number[][], labels: number[], k: number): number {
  if (points.length <= SILHOUETTE_SAMPLE) return silhouette(points, labels, k);
  const step = points.length / SILHOUETTE_SAMPLE;
  const idx = Array.from({ length: SILHOUETTE_SAMPLE }, (_, i) => Math.floor(i * step));
  return silhouette(
    idx.map((i) => points[i]),
    idx.map((i) => labels[i]),
    k,
  );
}
