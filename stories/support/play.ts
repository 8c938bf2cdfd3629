import { expect, userEvent, waitFor, screen, within } from 'storybook/test';
import { builtInProfiles, errorFromResponse } from '../../src/core/index.js';
import { fixtureResponse, seedFixtures, type SeedApi } from '../../src/msw/index.js';

/** Fires every documented error of `api` in turn; each must reach the panel and show one toast. */
export async function playEveryError(canvasElement: HTMLElement, api: SeedApi) {
  const canvas = within(canvasElement);
  for (const fixture of seedFixtures.filter((f) => f.api === api)) {
    const expected = await errorFromResponse(fixtureResponse(fixture), { request: { method: fixture.method, url: fixture.url }, api, profiles: builtInProfiles });
    await userEvent.selectOptions(canvas.getByLabelText('Documented error'), fixture.id);
    await userEvent.click(canvas.getByRole('button', { name: 'Send the request' }));
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent(String(fixture.status)));
    await waitFor(() => expect(canvas.getByTestId('kind')).toHaveTextContent(expected.kind));
    const toasts = within(screen.getByRole('region', { name: /Notifications/ }));
    await waitFor(() => expect(toasts.getAllByRole('listitem')).toHaveLength(1));
    await userEvent.click(canvas.getByRole('button', { name: 'Clear toasts' }));
  }
}
