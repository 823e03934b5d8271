// The rating context's published language: integration events, versioned.
export * from './v1/index.js';
