import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { reportError, type ApiErrorToasterProps } from '../../src/index.js';
import { Demo } from '../support/Demo';
import { sampleErrors } from '../support/samples';

function Families() {
  return (
    <>
      <p className="muted">One toast of each family: server error, input, rate limit, offline, permission.</p>
      <div className="row">
        <button type="button" className="primary" onClick={() => sampleErrors().forEach((error) => reportError(error))}>
          Show one of each
        </button>
      </div>
    </>
  );
}

/**
 * The toaster itself: compact toasts with an icon per family, the stack collapsed behind the
 * newest toast (hover or focus expands it), details folded away, six positions, light and dark.
 */
const meta = {
  title: 'Toaster/Toasts',
  args: { position: 'bottom-right', theme: 'light', details: false, expand: false, offset: 20 },
  argTypes: {
    position: { control: 'select', options: ['top-left', 'top-center', 'top-right', 'bottom-left', 'bottom-center', 'bottom-right'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'system'] },
  },
  render: (args: ApiErrorToasterProps) => (
    <Demo title="Toasts" maxVisible={5} toaster={args}>
      <Families />
    </Demo>
  ),
} satisfies Meta<ApiErrorToasterProps>;

export default meta;
type Story = StoryObj<typeof meta>;

const region = () => within(screen.getByRole('region', { name: /Notifications/ }));

/** Keyboard only: Alt+T reaches the newest toast, Tab its details, Escape dismisses, focus comes back. */
export const Light: Story = {
  play: async ({ canvas }) => {
    const trigger = canvas.getByRole('button', { name: 'Show one of each' });
    await userEvent.click(trigger);
    await waitFor(() => expect(region().getAllByRole('listitem')).toHaveLength(5));
    await userEvent.keyboard('{Alt>}t{/Alt}');
    const newest = region().getAllByRole('listitem').at(-1)!;
    await expect(newest).toHaveFocus();
    await expect(newest).toHaveAccessibleName('Not allowed');
    await userEvent.tab();
    const details = within(newest).getByRole('button', { name: 'Details' });
    await expect(details).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(details).toHaveAttribute('aria-expanded', 'true');
    await expect(within(newest).getByText('403')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(region().getAllByRole('listitem')).toHaveLength(4));
    // Focus stays in the toasts while there are any: on the next one.
    await expect(region().getAllByRole('listitem').at(-1)).toHaveFocus();
    for (let i = 0; i < 4; i += 1) await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(region().queryAllByRole('listitem')).toHaveLength(0));
    await expect(trigger).toHaveFocus();
  },
};

/** The dark theme (`theme="dark"`), with every toast's details expanded (`details`). */
export const Dark: Story = {
  args: { theme: 'dark', details: true, expand: true, position: 'top-right' },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Show one of each' }));
    await waitFor(() => expect(region().getAllByRole('listitem')).toHaveLength(5));
    await waitFor(() => expect(within(region().getAllByRole('listitem')[0]!).getByRole('button', { name: 'Copy request id' })).toBeVisible());
  },
};

/** Top center, 48px from the edge. */
export const TopCenter: Story = {
  args: { position: 'top-center', offset: 48 },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Show one of each' }));
    const toaster = screen.getByRole('region', { name: /Notifications/ });
    await waitFor(() => expect(toaster.getBoundingClientRect().top).toBe(48));
  },
};
