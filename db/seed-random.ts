/** mulberry32: a tiny, fast PRNG whose whole state is one 32-bit integer. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  /** k distinct indices below n in ascending order; a contiguous run when `consecutive`. */
  indices(n: number, k: number, consecutive = false): number[] {
    if (consecutive) {
      const start = this.int(0, n - k);
      return Array.from({ length: k }, (_, i) => start + i);
    }
    const pool = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < k; i++) {
      const j = this.int(i, n - 1);
      [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
    }
    return pool.slice(0, k).sort((a, b) => a - b);
  }
  sample<T>(items: readonly T[], k: number): T[] {
    return this.indices(items.length, Math.min(k, items.length)).map((i) => items[i] as T);
  }
}
