export type * from './features.types.js';
export { DEFAULT_FEATURES, FEATURE_FLAGS } from './features.types.js';
export { featureRejections, MAX_PREMIUM_PREFIXES } from './features.rejections.js';
export { checkFeatures, pickFeatures, sameFeatures } from './check-features.js';
