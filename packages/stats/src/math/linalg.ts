/**
 * Small dense linear algebra on row-major `Float64Array` matrices: the generalized Cholesky (LDLᵀ)
 * that R's survival package uses for Cox models (with its rule for redundant columns), an LU solve
 * with partial pivoting (R's `solve()`), and a Householder QR for weighted least squares (R's `lm`/
 * `glm` use LINPACK's Householder QR).
 *
 * See: G. H. Golub & C. F. Van Loan, Matrix Computations, 4th ed., §4.1 (LDLᵀ), §3.4 (LU with
 * partial pivoting), §5.2 (Householder QR); T. Therneau & P. Grambsch (2000), Modeling Survival Data,
 * appendix (the LDLᵀ with a singularity tolerance).
 */

/** Index of element (i, j) of an n-by-n row-major matrix. */
const at = (n: number, i: number, j: number): number => i * n + j;

/**
 * In-place LDLᵀ factorization of a symmetric matrix (only the upper triangle is read). On return the
 * strict lower triangle holds L (unit diagonal implied) and the diagonal holds D. A pivot that is not
 * finite or is below `toler` × the largest diagonal marks a redundant column: its D is set to 0.
 * @returns the rank, negated if the matrix is not non-negative definite.
 */
export function ldlFactor(m: Float64Array, n: number, toler: number): number {
  let eps = 0;
  for (let i = 0; i < n; i++) {
    const dii = m[at(n, i, i)]!;
    if (dii > eps) eps = dii;
    for (let j = i + 1; j < n; j++) m[at(n, j, i)] = m[at(n, i, j)]!;
  }
  eps = eps === 0 ? toler : eps * toler;
  let rank = 0;
  let nonneg = 1;
  for (let i = 0; i < n; i++) {
    const pivot = m[at(n, i, i)]!;
    if (!Number.isFinite(pivot) || pivot < eps) {
      m[at(n, i, i)] = 0;
      if (pivot < -8 * eps) nonneg = -1;
      continue;
    }
    rank++;
    for (let j = i + 1; j < n; j++) {
      const t = m[at(n, j, i)]! / pivot;
      m[at(n, j, i)] = t;
      m[at(n, j, j)] = m[at(n, j, j)]! - t * t * pivot;
      for (let k = j + 1; k < n; k++) m[at(n, k, j)] = m[at(n, k, j)]! - t * m[at(n, k, i)]!;
    }
  }
  return rank * nonneg;
}

/** Solves A b = y in place (y becomes b) from the factor of {@link ldlFactor}; redundant columns get 0. */
export function ldlSolve(m: Float64Array, n: number, y: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let t = y[i]!;
    for (let j = 0; j < i; j++) t -= y[j]! * m[at(n, i, j)]!;
    y[i] = t;
  }
  for (let i = n - 1; i >= 0; i--) {
    const d = m[at(n, i, i)]!;
    if (d === 0) {
      y[i] = 0;
      continue;
    }
    let t = y[i]! / d;
    for (let j = i + 1; j < n; j++) t -= y[j]! * m[at(n, j, i)]!;
    y[i] = t;
  }
}

/**
 * Inverse of the matrix factored by {@link ldlFactor}, as a new full symmetric matrix. Rows and
 * columns of redundant (D = 0) columns are 0, as in survival's `chinv2`.
 */
export function ldlInverse(m: Float64Array, n: number): Float64Array {
  const f = Float64Array.from(m);
  // invert L (unit lower triangular) and D in place
  for (let i = 0; i < n; i++) {
    if (f[at(n, i, i)]! > 0) {
      f[at(n, i, i)] = 1 / f[at(n, i, i)]!;
      for (let j = i + 1; j < n; j++) {
        f[at(n, j, i)] = -f[at(n, j, i)]!;
        for (let k = 0; k < i; k++) f[at(n, j, k)] = f[at(n, j, k)]! + f[at(n, j, i)]! * f[at(n, i, k)]!;
      }
    }
  }
  // (L D Lᵀ)⁻¹ = L⁻ᵀ D⁻¹ L⁻¹, accumulated into the upper triangle
  for (let i = 0; i < n; i++) {
    if (f[at(n, i, i)] === 0) {
      for (let j = 0; j < i; j++) f[at(n, j, i)] = 0;
      for (let j = i; j < n; j++) f[at(n, i, j)] = 0;
      continue;
    }
    for (let j = i + 1; j < n; j++) {
      const t = f[at(n, j, i)]! * f[at(n, j, j)]!;
      f[at(n, i, j)] = t;
      for (let k = i; k < j; k++) f[at(n, i, k)] = f[at(n, i, k)]! + t * f[at(n, j, k)]!;
    }
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      out[at(n, i, j)] = f[at(n, i, j)]!;
      out[at(n, j, i)] = f[at(n, i, j)]!;
    }
  }
  return out;
}

/**
 * Solves A x = b by LU decomposition with partial pivoting (R's `solve(A, b)`). A is not modified.
 * @returns x, or `null` when A is exactly singular.
 */
export function luSolve(a: Float64Array, n: number, b: Float64Array): Float64Array | null {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(m[at(n, k, k)]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(m[at(n, i, k)]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (best === 0 || !Number.isFinite(best)) return null;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = m[at(n, k, j)]!;
        m[at(n, k, j)] = m[at(n, p, j)]!;
        m[at(n, p, j)] = t;
      }
      const t = x[k]!;
      x[k] = x[p]!;
      x[p] = t;
    }
    const piv = m[at(n, k, k)]!;
    for (let i = k + 1; i < n; i++) {
      const f = m[at(n, i, k)]! / piv;
      if (f === 0) continue;
      m[at(n, i, k)] = f;
      for (let j = k + 1; j < n; j++) m[at(n, i, j)] = m[at(n, i, j)]! - f * m[at(n, k, j)]!;
      x[i] = x[i]! - f * x[k]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < n; j++) s -= m[at(n, i, j)]! * x[j]!;
    x[i] = s / m[at(n, i, i)]!;
  }
  return x;
}

/** `bᵀ A⁻¹ b` by {@link luSolve}: the quadratic form of a score or Wald test; NaN if A is singular. */
export function quadraticFormInverse(a: Float64Array, n: number, b: Float64Array): number {
  const x = luSolve(a, n, b);
  if (x === null) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += b[i]! * x[i]!;
  return s;
}

/** Result of a least-squares solve by Householder QR. */
export interface LeastSquaresFit {
  /** Coefficients (length p). */
  readonly coefficients: Float64Array;
  /** (RᵀR)⁻¹ = (XᵀX)⁻¹, p × p row-major: the unscaled covariance. */
  readonly unscaledCovariance: Float64Array;
  /** Numerical rank; below p means a column is (nearly) a combination of the others. */
  readonly rank: number;
}

/**
 * Least squares min ‖y − Xβ‖ by Householder QR of the n × p row-major X (not modified). A column whose
 * remaining norm falls below `tol` × its original norm counts as redundant (LINPACK `dqrdc2`'s rule);
 * the rank then drops and the caller decides what to do.
 */
export function householderLeastSquares(
  x: Float64Array,
  nRow: number,
  p: number,
  y: Float64Array,
  tol = 1e-11
): LeastSquaresFit {
  // work column-major for cache-friendly Householder updates
  const a = new Float64Array(nRow * p);
  for (let i = 0; i < nRow; i++) for (let j = 0; j < p; j++) a[j * nRow + i] = x[i * p + j]!;
  const qty = Float64Array.from(y);
  const rdiag = new Float64Array(p);
  const origNorm = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < nRow; i++) s += a[j * nRow + i]! ** 2;
    origNorm[j] = Math.sqrt(s);
  }
  for (let k = 0; k < p; k++) {
    const col = k * nRow;
    let norm = 0;
    for (let i = k; i < nRow; i++) norm += a[col + i]! ** 2;
    norm = Math.sqrt(norm);
    if (!(norm > tol * (origNorm[k]! || 1))) {
      rdiag[k] = 0;
      continue;
    }
    const alpha = a[col + k]! > 0 ? -norm : norm;
    // v = x − alpha e1, stored in place; rdiag holds alpha
    a[col + k] = a[col + k]! - alpha;
    let vnorm2 = 0;
    for (let i = k; i < nRow; i++) vnorm2 += a[col + i]! ** 2;
    rdiag[k] = alpha;
    if (vnorm2 === 0) continue;
    for (let j = k + 1; j < p; j++) {
      const cj = j * nRow;
      let dot = 0;
      for (let i = k; i < nRow; i++) dot += a[col + i]! * a[cj + i]!;
      const f = (2 * dot) / vnorm2;
      for (let i = k; i < nRow; i++) a[cj + i] = a[cj + i]! - f * a[col + i]!;
    }
    let dot = 0;
    for (let i = k; i < nRow; i++) dot += a[col + i]! * qty[i]!;
    const f = (2 * dot) / vnorm2;
    for (let i = k; i < nRow; i++) qty[i] = qty[i]! - f * a[col + i]!;
  }
  let rank = 0;
  for (let k = 0; k < p; k++) if (rdiag[k] !== 0) rank++;
  // R is upper triangular: diagonal rdiag, above-diagonal a[j*nRow + i] for i < j
  const r = (i: number, j: number): number => (i === j ? rdiag[i]! : a[j * nRow + i]!);
  const coef = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    if (rdiag[i] === 0) {
      coef[i] = NaN;
      continue;
    }
    let s = qty[i]!;
    for (let j = i + 1; j < p; j++) if (rdiag[j] !== 0) s -= r(i, j) * coef[j]!;
    coef[i] = s / rdiag[i]!;
  }
  // (RᵀR)⁻¹ = R⁻¹ R⁻ᵀ
  const rinv = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    if (rdiag[j] === 0) continue;
    rinv[j * p + j] = 1 / rdiag[j]!;
    for (let i = j - 1; i >= 0; i--) {
      if (rdiag[i] === 0) continue;
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += r(i, k) * rinv[k * p + j]!;
      rinv[i * p + j] = -s / rdiag[i]!;
    }
  }
  const cov = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = j; k < p; k++) s += rinv[i * p + k]! * rinv[j * p + k]!;
      cov[i * p + j] = s;
      cov[j * p + i] = s;
    }
  }
  return { coefficients: coef, unscaledCovariance: cov, rank };
}
