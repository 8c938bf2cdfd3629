// faultline/msw: the seed APIs' documented error responses, for users' tests and stories.
export * from '../fixtures/index.js';
