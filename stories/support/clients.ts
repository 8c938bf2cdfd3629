import { createApiClient, genericEnvelope, ipfsPinning, pirateCrew, pumpFun, solanaSwap } from '../../src/core/index.js';
import { reportResponse } from '../../src/index.js';
import { seedBaseUrls } from '../../src/msw/index.js';

/** One client per seed API, as an app would create them (the mocks accept any token). */
export const clients = {
  pumpfun: createApiClient({ baseUrl: seedBaseUrls.pumpfun, api: pumpFun, auth: { getToken: () => 'demo-jwt' }, onResponse: (r) => reportResponse(r, 'pumpfun') }),
  'solana-swap': createApiClient({ baseUrl: seedBaseUrls['solana-swap'], api: solanaSwap, auth: { getToken: () => 'demo-key', scheme: 'x-api-key' } }),
  piratecrew: createApiClient({ baseUrl: seedBaseUrls.piratecrew, api: pirateCrew, auth: { getToken: () => 'pc_demo_key', scheme: 'x-api-key' } }),
  generic: createApiClient({ baseUrl: seedBaseUrls.generic, api: genericEnvelope }),
  'ipfs-pinning': createApiClient({ baseUrl: seedBaseUrls['ipfs-pinning'], api: ipfsPinning, auth: { getToken: () => 'demo-pinning-token' } }),
  x402: createApiClient({ baseUrl: seedBaseUrls.x402, api: ipfsPinning }),
};
