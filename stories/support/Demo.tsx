import { QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiErrorProvider, ApiErrorToaster, type ApiErrorProviderProps } from '../../src/index.js';

/** A fresh provider, QueryClient and toaster per story, so stories never share state. */
export function Demo({ children, ...props }: Partial<ApiErrorProviderProps> & { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  return (
    <ApiErrorProvider queryClient={queryClient} {...props}>
      <div className="demo">{children}</div>
      <ApiErrorToaster />
    </ApiErrorProvider>
  );
}
