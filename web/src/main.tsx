import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './api/client';
import { ApiError } from './api/problem';
import { App } from './App';
import { SessionProvider } from './auth/session';
import { ToastProvider } from './ui/Toasts';
import './styles.css';

const queries = new QueryClient({
  defaultOptions: {
    // 4xx answers will not change on retry; network blips and 503s may.
    queries: { retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500), refetchOnWindowFocus: true, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <ToastProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
