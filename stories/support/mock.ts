import { createMockApis } from '../../src/msw/index.js';

/** The mock seed APIs behind every story; stories flip its switches in `beforeEach`. */
export const mock = createMockApis();
