import { startLoadingEarly } from './data/dataset-api';
import { initialActors, initialDataParam } from './state/initial-address';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The dataset worker starts first (and a `?data=` dataset's download with it), from this small entry,
// while the rest of the app's code is still on its way: the worker's own start-up (its script loaded,
// compiled and evaluated) then overlaps the page's.
startLoadingEarly(initialDataParam().url, initialActors());

import('./app/start')
  .then(({ startApp }) => startApp(root))
  .catch((error: unknown) => {
    // A chunk that failed to load (a network drop, a deploy that replaced it): say so, not a white page.
    root.textContent = 'Stance Tracker could not load its code. Reload the page to try again.';
    root.setAttribute('role', 'alert');
    console.error(error);
  });
