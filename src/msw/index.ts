// faultline/msw: the five seed APIs' documented error responses as MSW handlers, for users'
// own tests and stories. `msw` (>= 2) is an optional peer dependency: only this entry needs it.
export * from '../fixtures/index.js';
export { createMockApis, fixtureHandler, fixtureHttpResponse, seedBaseUrls, seedFixture, type MockApis, type MockApisOptions, type SeedApi } from './mock-apis.js';
