import { createQueryClient } from './app/query-client';
import { prefetchActiveDataset } from './data/use-active-dataset';
import { initialDataParam } from './state/use-url-sync';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The dataset's download starts first, from this small entry. React DOM and then the app's own code
// follow as chunks of their own, each evaluated in a task of its own: evaluated together with this
// entry they were one task of 150-250 ms on a 2-core machine, while the worker starts up beside it.
const client = createQueryClient();
prefetchActiveDataset(client, initialDataParam().url);

void import('react-dom/client')
  .then(() => import('./app/mount'))
  .then(({ mountApp }) => {
    // Creating the root and rendering: a task of its own as well.
    setTimeout(() => mountApp(root, client), 0);
  })
  .catch((error: unknown) => {
    // A chunk that failed to load (a network drop, a deploy that replaced it): say so, not a white page.
    root.textContent = 'Stance Tracker could not load its code. Reload the page to try again.';
    root.setAttribute('role', 'alert');
    console.error(error);
  });
