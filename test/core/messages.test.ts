import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, ApiError, builtInMessages, builtInProfiles, defaultMessages, defineApi, genericEnvelope, genericEnvelopeMessages, describeError, errorFromResponse } from '../../src/core/index.js';
import { fixtureResponse, seedFixtures } from '../../src/fixtures/index.js';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);

describe('describeError', () => {
  it('has an English title and description for every kind', () => {
    for (const kind of ERROR_KINDS) {
      expect(defaultMessages[`kind.${kind}.title`], kind).toBeTruthy();
      expect(defaultMessages[`kind.${kind}.description`], kind).toBeTruthy();
    }
  });

  it('has a message in the catalog for every code and status rule of the five profiles, and none in the rules', () => {
    for (const profile of builtInProfiles) {
      for (const [code, rule] of [...Object.entries(profile.codes ?? {}), ...Object.entries(profile.statuses ?? {})]) {
        expect(builtInMessages[`${profile.name}.${code}`], `${profile.name}.${code}`).toBeTruthy();
        expect(rule.message, `${profile.name}.${code} carries words`).toBeUndefined();
      }
    }
  });

  it.each(seedFixtures.map((f) => [f.id, f] as const))('describes %s in plain words', async (_id, fixture) => {
    const error = await errorFromResponse(fixtureResponse(fixture, NOW), { request: { method: fixture.method, url: fixture.url }, api: fixture.api, profiles: builtInProfiles, now: NOW });
    const { title, description } = describeError(error, { now: NOW, messages: builtInMessages });
    // The rule that read it names its words; the catalog has them.
    if (error.messageKey !== null) expect(builtInMessages[error.messageKey]).toBeTruthy();
    expect(title).toBeTruthy();
    expect(description).toBeTruthy();
    expect(description).not.toMatch(/[{}]/);
    // A 5xx never shows the server's own text.
    if (fixture.status >= 500 && typeof fixture.body === 'object') expect(description).not.toContain(error.message);
  });

  it("finds your own profile's words under the rule's key, whatever case the server sent the code in", async () => {
    const billing = defineApi({ name: 'billing', codes: { CARD_DECLINED: { kind: 'conflict', recovery: 'add-funds', message: 'Your card was declined.' } } });
    const body = JSON.stringify({ error: { code: 'card_declined', message: 'declined' } });
    const error = await errorFromResponse(new Response(body, { status: 402 }), { api: billing });
    expect(error).toMatchObject({ api: 'billing', kind: 'conflict', messageKey: 'billing.CARD_DECLINED' });
    expect(describeError(error, { profiles: [billing] }).description).toBe('Your card was declined.');
    // Without the profile the UI has only the kind's words; a catalog entry overrides the rule's.
    expect(describeError(error).description).toBe('declined');
    expect(describeError(error, { profiles: [billing], messages: { 'billing.CARD_DECLINED': 'Carte refusée.' } }).description).toBe('Carte refusée.');
  });

  it('puts business details into the message', async () => {
    const fixture = seedFixtures.find((f) => f.id === 'generic/INSUFFICIENT_BALANCE')!;
    const error = await errorFromResponse(fixtureResponse(fixture), { profiles: [genericEnvelope] });
    expect(error.messageKey).toBe('generic.INSUFFICIENT_BALANCE');
    expect(describeError(error, { messages: genericEnvelopeMessages })).toEqual({ title: 'Could not complete this', description: 'Your balance is too low: 100.00 needed, 50.50 available.', action: { type: 'add-funds', label: 'Add funds' } });
  });

  it('counts the seconds of a rate limit', async () => {
    const fixture = seedFixtures.find((f) => f.id === 'solana-swap/RATE_LIMITED')!;
    const error = await errorFromResponse(fixtureResponse(fixture, NOW), { now: NOW });
    expect(describeError(error, { now: NOW }).description).toBe('Too many requests. Trying again in 12s.');
  });

  it('falls back when a placeholder has no value', () => {
    const error = new ApiError({ kind: 'validation', message: 'ticker is taken', api: 'piratecrew', code: 'bad_request', status: 400 });
    expect(describeError(error).description).toBe('ticker is taken');
    const rateLimited = new ApiError({ kind: 'rate_limited', message: 'x', status: 429 });
    // No wait known and no countdown: the text promises no retry.
    expect(describeError(rateLimited).description).toBe('Too many requests. Please wait a moment before trying again.');
  });

  it('takes overrides and translations by key', () => {
    const error = new ApiError({ kind: 'gone', message: 'Quote expired', api: 'solana-swap', code: 'QUOTE_EXPIRED', status: 410, recovery: 'requote' });
    const messages = { 'solana-swap.QUOTE_EXPIRED': 'Le devis a expiré.', 'kind.gone.title': 'Expiré', 'action.requote': 'Nouveau devis' };
    expect(describeError(error, { messages })).toEqual({ title: 'Expiré', description: 'Le devis a expiré.', action: { type: 'requote', label: 'Nouveau devis' } });
  });
});
