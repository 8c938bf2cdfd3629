// faultline: the core, the store and the React layer. `faultline/core` is the React-free part.
export * from './core/index.js';
export * from './store/index.js';
export * from './react/index.js';
