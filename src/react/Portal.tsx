import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useMounted } from './useMounted.js';

/**
 * Renders its children under document.body, out of the app's tree, so the app's layout and
 * inherited styles do not reach them. Nothing on the server (see useMounted).
 */
export function Portal({ children }: { children: ReactNode }) {
  const mounted = useMounted();
  return mounted ? createPortal(children, document.body) : null;
}
