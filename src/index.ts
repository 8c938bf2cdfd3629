// faultline: the core, plus (as they land) the store and the React layer.
export * from './core/index.js';
