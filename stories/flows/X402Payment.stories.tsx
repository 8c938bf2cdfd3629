import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { expect, userEvent, screen, within } from 'storybook/test';
import type { ApiError, Recovery } from '../../src/core/index.js';
import { useApiMutation } from '../../src/index.js';
import { clients } from '../support/clients';
import { Demo } from '../support/Demo';

type Accept = { maxAmountRequired: string; network: string; payTo: string };

function Upload({ resendRef }: { resendRef: RefObject<((payment: string) => void) | null> }) {
  const upload = useApiMutation({
    mutationKey: ['upload'],
    mutationFn: (payment: string | null) => clients.x402.post<{ cid: string }>('/upload', 'hello ipfs', payment ? { headers: { 'X-PAYMENT': payment } } : {}),
  });
  const { mutate } = upload;
  // Once paid (through the toast's Pay action), the same upload goes out again with the payment.
  useEffect(() => {
    resendRef.current = (payment) => mutate(payment);
  }, [mutate, resendRef]);
  return (
    <>
      <h2>Upload through the x402 gateway</h2>
      <div className="row">
        <button type="button" className="primary" onClick={() => mutate(null)}>
          Upload file
        </button>
      </div>
      {upload.data && <p>Uploaded: {upload.data.cid}</p>}
    </>
  );
}

function PaymentDemo() {
  const resendRef = useRef<((payment: string) => void) | null>(null);
  const [paid, setPaid] = useState<string | null>(null);
  // The app's answer to `recovery: 'pay'`: read the x402 requirements, have the wallet sign, resend.
  const onAction = (action: Recovery, error: ApiError) => {
    if (action !== 'pay') return;
    const accept = ((error.details as { accepts?: Accept[] } | undefined)?.accepts ?? [])[0];
    setPaid(accept ? `${Number(accept.maxAmountRequired) / 1e6} USDC on ${accept.network} to ${accept.payTo.slice(0, 8)}…` : 'unknown');
    resendRef.current?.(btoa(JSON.stringify({ x402Version: 1, scheme: 'exact', payload: 'signed-by-demo-wallet' })));
  };
  return (
    <Demo onAction={onAction}>
      <Upload resendRef={resendRef} />
      {paid && <p>Paid {paid}</p>}
    </Demo>
  );
}

/** The gateway answers 402 with its x402 requirements; the toast's Pay action pays and the upload goes through. */
const meta = {
  title: 'Flows/x402 payment required',
  render: () => <PaymentDemo />,
} satisfies Meta;

export default meta;

export const PayAndResend: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Upload file' }));
    const toast = await within(screen.getByRole('region', { name: /Notifications/ })).findByRole('listitem');
    await expect(toast).toHaveTextContent('Payment required');
    await userEvent.click(within(toast).getByRole('button', { name: 'Pay' }));
    await expect(await canvas.findByText(/^Uploaded: bafy/)).toBeInTheDocument();
    await expect(canvas.getByText('Paid 0.01 USDC on base-sepolia to 0x209693…')).toBeInTheDocument();
  },
};
