import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { AppProviders } from './app/providers';
import { createQueryClient } from './app/query-client';
import { prefetchActiveDataset } from './data/use-active-dataset';
import { initialDataParam } from './state/use-url-sync';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const client = createQueryClient();
prefetchActiveDataset(client, initialDataParam().url);

createRoot(root).render(
  <StrictMode>
    <AppProviders client={client}>
      <App />
    </AppProviders>
  </StrictMode>,
);
