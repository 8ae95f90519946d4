// The opinion map as a pure function of votes: two planted groups are found again, a statement both agree on is
// consensus, the result does not depend on the order of the votes, participants with too few votes are left out; the
// sparse PCA agrees with ml-pca, and a plenary-sized matrix is mapped in seconds.

import { PCA } from 'ml-pca';
import { describe, expect, it } from 'vitest';
import { computeOpinionMap, type MapVote } from './discussion-map.ts';
import { computeOpinionMapOffThread } from './discussion-map-worker.ts';
import { projectTwo, seeded, sparseRows } from './discussion-pca.ts';

/** A small deterministic generator, so the synthetic matrix is the same on every run. */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** 60 participants in two camps of 30 over 30 statements: 1–12 split the camps, 13–29 are noise, 30 everyone agrees. */
function planted(seed = 7): MapVote[] {
  const r = lcg(seed);
  const votes: MapVote[] = [];
  for (let a = 1; a <= 60; a++) {
    const camp = a % 2 ? 1 : -1; // interleaved ids: the groups cannot be read off the order
    for (let s = 1; s <= 30; s++) {
      if (r() < 0.25) continue; // not everyone sees everything
      let v = s <= 6 ? camp : s <= 12 ? -camp : s < 30 ? [1, -1, 0][Math.floor(r() * 3)] : 1;
      if (s <= 12 && r() < 0.1) v = 0; // some pass even on what splits them
      votes.push({ accountId: a, statementId: s, vote: v });
    }
  }
  return votes;
}

describe('computeOpinionMap', () => {
  it('finds the two planted groups and the consensus statement', () => {
    const m = computeOpinionMap(planted());
    expect([m.k, m.participants, m.clustered]).toEqual([2, 60, 60]);
    const groupOf = new Map(m.points.map((p) => [p.accountId, p.group]));
    const odd = new Set([...groupOf].filter(([a]) => a % 2).map(([, g]) => g));
    const even = new Set([...groupOf].filter(([a]) => a % 2 === 0).map(([, g]) => g));
    expect([odd.size, even.size]).toEqual([1, 1]);
    expect([...odd][0]).not.toBe([...even][0]);
    expect(m.groups.map((g) => g.size)).toEqual([30, 30]);
    expect(m.consensus.map((c) => c.statementId)).toContain(30);
    // What distinguishes the odd camp is what it agrees with: 1–6.
    const oddGroup = m.groups[[...odd][0]];
    expect(oddGroup.distinctive.every((d) => d.statementId <= 6)).toBe(true);
    expect(m.divisive.every((d) => d.statementId <= 12)).toBe(true);
  });

  it('gives the same groups for the same votes in any order', () => {
    const votes = planted(11);
    const shuffled = [...votes].reverse();
    expect(computeOpinionMap(shuffled)).toEqual(computeOpinionMap(votes));
  });

  it('leaves out participants with fewer than three votes, and makes no groups from too few', () => {
    const votes = planted(3).concat([
      { accountId: 999, statementId: 1, vote: 1 },
      { accountId: 999, statementId: 2, vote: -1 },
    ]);
    const m = computeOpinionMap(votes);
    expect([m.participants, m.clustered, m.points.some((p) => p.accountId === 999)]).toEqual([61, 60, false]);
    const few = computeOpinionMap(votes.filter((v) => v.accountId <= 3));
    expect([few.k, few.groups]).toEqual([0, []]);
  });
});

describe('the sparse PCA', () => {
  it('places participants as ml-pca (NIPALS, dense) does, up to the sign of each component', () => {
    const votes = planted(5);
    const accounts = [...new Set(votes.map((v) => v.accountId))].sort((a, b) => a - b);
    const rows = accounts.map(
      (a) => new Map(votes.filter((v) => v.accountId === a).map((v) => [v.statementId, v.vote])),
    );
    const col = new Map(Array.from({ length: 30 }, (_, i) => [i + 1, i]));
    const mine = projectTwo(sparseRows(rows, col), 30, 1);
    const dense = rows.map((m) => Array.from({ length: 30 }, (_, i) => m.get(i + 1) ?? 0));
    const ref = new PCA(dense, { method: 'NIPALS', nCompNIPALS: 2 }).predict(dense, { nComponents: 2 }).to2DArray();
    for (const j of [0, 1]) {
      const sign = Math.sign(ref[0][j] * mine[0][j]);
      const worst = Math.max(...ref.map((p, i) => Math.abs(p[j] - sign * mine[i][j])));
      expect(worst).toBeLessThan(1e-4);
    }
  });

  it('maps 2,000 participants × 1,000 statements (100,000 votes, three camps) in seconds, finding the camps', () => {
    const r = seeded(42);
    const seen = new Set<number>();
    const votes: MapVote[] = [];
    while (votes.length < 100_000) {
      const p = Math.floor(r() * 2000);
      const s = Math.floor(r() * 1000);
      if (seen.has(p * 1000 + s)) continue;
      seen.add(p * 1000 + s);
      const camp = p % 3;
      const third = Math.floor((s * 3) / 1000);
      let v = third === camp ? 1 : third === (camp + 1) % 3 ? -1 : [1, -1, 0][Math.floor(r() * 3)];
      if (r() < 0.15) v = [1, -1, 0][Math.floor(r() * 3)];
      votes.push({ accountId: 1 + p, statementId: 1 + s, vote: v });
    }
    const t = performance.now();
    const m = computeOpinionMap(votes);
    expect(performance.now() - t).toBeLessThan(10_000);
    expect([m.k, m.clustered, m.groups.map((g) => g.size)]).toEqual([3, 2000, [667, 667, 666]]);
    // Each found group is one camp: all its members share p % 3.
    const camps = new Map<number, Set<number>>();
    for (const p of m.points) camps.set(p.group, (camps.get(p.group) ?? new Set()).add((p.accountId - 1) % 3));
    expect([...camps.values()].map((c) => c.size)).toEqual([1, 1, 1]);
  });
});

describe('the map in a worker thread', () => {
  it('gives the same result as inline', async () => {
    const votes = planted(13);
    const off = await computeOpinionMapOffThread(votes, { inlineBelow: 0 });
    expect(off).toEqual(computeOpinionMap(votes));
    expect(off.k).toBe(2);
    // The worker is kept and answers the next map too.
    const again = await computeOpinionMapOffThread(planted(3), { inlineBelow: 0 });
    expect(again).toEqual(computeOpinionMap(planted(3)));
  });
});
