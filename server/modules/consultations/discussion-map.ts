// The opinion map of a discussion, a pure function of its votes: participants projected to two dimensions (sparse
// PCA by power iteration, discussion-pca.ts), grouped by k-means (ml-kmeans, fixed seed) with k chosen by silhouette among 2–5, then per group the
// statements that distinguish it, and the statements agreed in every group (consensus) or splitting them (divisive).
import { kmeans } from 'ml-kmeans';
import { projectTwo, sampledSilhouette, sparseRows } from './discussion-pca.ts';

export interface MapVote {
  accountId: number;
  statementId: number;
  /** 1 agree, −1 disagree, 0 pass */
  vote: number;
}

export interface StatementShare {
  statementId: number;
  agree: number;
  disagree: number;
  voters: number;
  agreeShare: number;
}

export interface OpinionMap {
  participants: number;
  clustered: number;
  k: number;
  silhouette: number | null;
  points: { accountId: number; x: number; y: number; group: number }[];
  groups: { group: number; size: number; distinctive: { statementId: number; agreeIn: number; agreeOut: number }[] }[];
  consensus: { statementId: number; minAgree: number }[];
  divisive: { statementId: number; spread: number; shares: number[] }[];
}

export interface MapOptions {
  /** Participants with fewer votes are left out of the clustering (their opinion is not yet readable). */
  minVotes?: number;
  seed?: number;
}

const SEED = 20260101;
const round = (n: number, d = 4) => Math.round(n * 10 ** d) / 10 ** d;

/** Groups are numbered by size (largest first, then by centre) so the same votes always give the same names. */
function relabel(points: number[][], labels: number[], k: number): number[] {
  const stats = Array.from({ length: k }, (_, c) => ({ c, size: 0, x: 0 }));
  labels.forEach((l, i) => {
    stats[l].size++;
    stats[l].x += points[i][0];
  });
  const order = stats.filter((s) => s.size > 0).sort((a, b) => b.size - a.size || a.x - b.x);
  const to = new Map(order.map((s, i) => [s.c, i]));
  return labels.map((l) => to.get(l)!);
}

export function computeOpinionMap(votes: MapVote[], opts: MapOptions = {}): OpinionMap {
  const minVotes = opts.minVotes ?? 3;
  const byAccount = new Map<number, Map<number, number>>();
  const statementSet = new Set<number>();
  for (const v of votes) {
    let m = byAccount.get(v.accountId);
    if (!m) {
      m = new Map();
      byAccount.set(v.accountId, m);
    }
    m.set(v.statementId, v.vote);
    statementSet.add(v.statementId);
  }
  // Sorted ids make the matrix, hence PCA and k-means, independent of the order the votes were read in.
  const statements = [...statementSet].sort((a, b) => a - b);
  const col = new Map(statements.map((s, i) => [s, i]));
  const accounts = [...byAccount.keys()].sort((a, b) => a - b).filter((a) => byAccount.get(a)!.size >= minVotes);
  const empty: OpinionMap = {
    participants: byAccount.size,
    clustered: accounts.length,
    k: 0,
    silhouette: null,
    points: [],
    groups: [],
    consensus: [],
    divisive: [],
  };
  if (accounts.length < 4 || statements.length < 2) return empty;

  // The vote matrix stays sparse (a participant votes on a few dozen of a thousand statements): 2,000 × 1,000 dense
  // with a dense PCA took minutes; power iteration on sparse rows takes milliseconds.
  const matrix = sparseRows(
    accounts.map((a) => byAccount.get(a)!),
    col,
  );
  const points = projectTwo(matrix, statements.length, opts.seed ?? SEED);

  let best: { k: number; labels: number[]; score: number } | null = null;
  // k-means++ cannot place more centres than there are distinct points (identical voters sit on one dot).
  const distinct = new Set(points.map((p) => `${p[0].toFixed(9)},${p[1].toFixed(9)}`)).size;
  const maxK = Math.min(5, accounts.length - 1, distinct);
  if (maxK < 2) return empty;
  for (let k = 2; k <= maxK; k++) {
    let res: ReturnType<typeof kmeans>;
    try {
      res = kmeans(points, k, { initialization: 'kmeans++', seed: opts.seed ?? SEED, maxIterations: 100 });
    } catch {
      continue; // a degenerate layout for this k (too few separate points): the other k still stand
    }
    const score = sampledSilhouette(points, res.clusters, k);
    // Strictly better only: on a tie the smaller number of groups is kept, the simpler reading.
    if (!best || score > best.score + 1e-9) best = { k, labels: res.clusters, score };
  }
  if (!best) return empty;
  const labels = relabel(points, best.labels, best.k);
  const k = Math.max(...labels) + 1;

  // Agree/disagree/voters per statement and group.
  const agree = statements.map(() => new Int32Array(k));
  const disagree = statements.map(() => new Int32Array(k));
  const voters = statements.map(() => new Int32Array(k));
  const sizes = new Int32Array(k);
  accounts.forEach((a, i) => {
    const g = labels[i];
    sizes[g]++;
    for (const [s, v] of byAccount.get(a)!) {
      const c = col.get(s)!;
      voters[c][g]++;
      if (v > 0) agree[c][g]++;
      else if (v < 0) disagree[c][g]++;
    }
  });
  const sum = (a: Int32Array) => a.reduce((x, y) => x + y, 0);
  // Smoothed shares (+1/+2) so that one vote in a small group does not read as 100 %.
  const share = (ag: number, n: number) => (ag + 1) / (n + 2);

  const groups = Array.from({ length: k }, (_, g) => {
    const scored = statements
      .map((s, c) => {
        const inN = voters[c][g];
        const outN = sum(voters[c]) - inN;
        const agreeIn = share(agree[c][g], inN);
        const agreeOut = share(sum(agree[c]) - agree[c][g], outN);
        return { statementId: s, agreeIn: round(agreeIn), agreeOut: round(agreeOut), inN, diff: agreeIn - agreeOut };
      })
      .filter((x) => x.inN >= 2 && x.diff > 0.1)
      .sort((a, b) => b.diff - a.diff || a.statementId - b.statementId)
      .slice(0, 5);
    return {
      group: g,
      size: sizes[g],
      distinctive: scored.map(({ statementId, agreeIn, agreeOut }) => ({ statementId, agreeIn, agreeOut })),
    };
  });

  const consensus: OpinionMap['consensus'] = [];
  const divisive: OpinionMap['divisive'] = [];
  statements.forEach((s, c) => {
    const shares = Array.from({ length: k }, (_, g) => (voters[c][g] ? agree[c][g] / voters[c][g] : null));
    if (shares.some((x) => x === null)) return;
    const known = shares as number[];
    const min = Math.min(...known);
    if (min > 0.5) consensus.push({ statementId: s, minAgree: round(min) });
    const spread = Math.max(...known) - min;
    if (spread >= 0.3) divisive.push({ statementId: s, spread: round(spread), shares: known.map((x) => round(x)) });
  });
  consensus.sort((a, b) => b.minAgree - a.minAgree || a.statementId - b.statementId);
  divisive.sort((a, b) => b.spread - a.spread || a.statementId - b.statementId);

  return {
    participants: byAccount.size,
    clustered: accounts.length,
    k,
    silhouette: round(best.score),
    points: accounts.map((a, i) => ({
      accountId: a,
      x: round(points[i][0]),
      y: round(points[i][1]),
      group: labels[i],
    })),
    groups,
    consensus: consensus.slice(0, 10),
    divisive: divisive.slice(0, 10),
  };
}

export { silhouette } from './discussion-pca.ts';
