/**
 * Exact proportional split (largest remainder): share i gets floor(total × wᵢ / W); the cents left over (fewer than
 * the number of shares) go one each to the largest remainders, ties to the smallest id. The result sums to `total`
 * exactly and does not depend on the order of the input.
 *
 * Cost: one pass of bigint arithmetic, plus a native Float64Array sort of the remainders (exact, as remainders are
 * integers below W < 2^53) and an id sort of the shares tied at the threshold only.
 */
export function apportion(total: bigint, weights: readonly bigint[], ids: readonly string[]): bigint[] {
  const n = weights.length;
  if (ids.length !== n) throw new RangeError('apportion: one id per weight');
  if (total < 0n) throw new RangeError('apportion: negative total');
  let sum = 0n;
  for (const w of weights) {
    if (w < 0n) throw new RangeError('apportion: negative weight');
    sum += w;
  }
  const out = new Array<bigint>(n);
  if (sum === 0n) {
    if (total !== 0n) throw new RangeError('apportion: nothing to share by');
    return out.fill(0n);
  }
  const rem = new Array<bigint>(n);
  let left = total;
  for (let i = 0; i < n; i++) {
    const x = total * weights[i]!;
    const q = x / sum;
    out[i] = q;
    rem[i] = x - q * sum;
    left -= q;
  }
  if (left === 0n) return out;
  const byId = (a: number, b: number): number => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
  const k = Number(left);
  if (sum > BigInt(Number.MAX_SAFE_INTEGER)) {
    // Rare: remainders too large for exact doubles; sort them as bigints.
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => (rem[a]! > rem[b]! ? -1 : rem[a]! < rem[b]! ? 1 : byId(a, b)));
    for (let j = 0; j < k; j++) out[order[j]!]! += 1n;
    return out;
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = Number(rem[i]!);
  const sorted = keys.slice().sort();
  const threshold = sorted[n - k]!;
  const ties: number[] = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    if (keys[i]! > threshold) {
      out[i]! += 1n;
      given++;
    } else if (keys[i] === threshold) ties.push(i);
  }
  ties.sort(byId);
  for (let j = 0; j < k - given; j++) out[ties[j]!]! += 1n;
  return out;
}
