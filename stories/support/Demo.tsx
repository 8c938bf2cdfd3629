import { QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { builtInMessages, builtInProfiles } from '../../src/core/index.js';
import { ApiErrorProvider, ApiErrorToaster, ReauthPrompt, type ApiErrorProviderProps, type ApiErrorToasterProps } from '../../src/index.js';

export interface DemoProps extends Partial<ApiErrorProviderProps> {
  /** The page's heading (every page needs one h1). */
  title?: string;
  /** Props of the demo's toaster (position, theme, details…). */
  toaster?: ApiErrorToasterProps;
  /** Render <ReauthPrompt/>: a 401 asks for sign-in with a modal instead of a toast. */
  reauthPrompt?: boolean;
  children: ReactNode;
}

/**
 * A fresh provider, QueryClient and toaster per story, so stories never share state; a page
 * with a main landmark and an h1, as an app's page would have. It reads with the five seed APIs'
 * profiles and shows their words (profiles are opt-in; a story may pass its own).
 */
export function Demo({ children, title = 'faultline demo', toaster, reauthPrompt = false, ...props }: DemoProps) {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <ApiErrorProvider queryClient={queryClient} profiles={builtInProfiles} messages={builtInMessages} {...props}>
      <main className="demo">
        <h1 className="demo-title">{title}</h1>
        {children}
      </main>
      <ApiErrorToaster {...toaster} />
      {reauthPrompt && <ReauthPrompt />}
    </ApiErrorProvider>
  );
}
