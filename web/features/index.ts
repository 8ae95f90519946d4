// The registry of feature folders: each contributes its pages and menu entries. Add one line per feature.
import type { FeatureRoute } from './types.ts';

export const featureRoutes: FeatureRoute[] = [];
