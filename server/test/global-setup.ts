// Vitest global setup: one template database per run.
import { buildTemplate } from './template.ts';

export default async function setup() {
  await buildTemplate();
}
