// Rates on the figures and appraisal pages: a rate with nothing to measure yet comes as null and reads 「—」, not 0%.
export const percentOrDash = (v: number | null) => (v == null ? '—' : `${v}%`);
