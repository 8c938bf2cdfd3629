import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, screen, within } from 'storybook/test';
import { normalizeError } from '../../src/core/index.js';
import { reportError } from '../../src/index.js';
import { Demo } from '../support/Demo';

function Storm() {
  const fire = () => {
    // The same websocket reconnect failing 300 times in a second, as a flaky feed does.
    const error = normalizeError({ response: { status: 503, headers: {}, data: { error: 'Service Unavailable', message: 'Service temporarily unavailable', statusCode: 503 } } }, { request: { method: 'GET', url: 'https://frontend-api-v3.pump.fun/coins/latest' } });
    for (let i = 0; i < 300; i += 1) reportError(error);
  };
  return (
    <>
      <h2>Toast storm</h2>
      <p className="muted">Three hundred identical failures become one toast with a count.</p>
      <div className="row">
        <button type="button" className="primary" onClick={fire}>
          Report 300 identical errors
        </button>
      </div>
    </>
  );
}

const meta = {
  title: 'Flows/Toast storm',
  render: () => (
    <Demo>
      <Storm />
    </Demo>
  ),
} satisfies Meta;

export default meta;

export const OneToastWithACount: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Report 300 identical errors' }));
    const toasts = within(screen.getByRole('region', { name: /Notifications/ }));
    await expect(toasts.getAllByRole('listitem')).toHaveLength(1);
    // Read as "300 times", seen as ×300.
    await expect(toasts.getByText('300 times')).toBeInTheDocument();
    await expect(toasts.getByText('×300')).toHaveAttribute('aria-hidden', 'true');
  },
};
