import modules, { composition } from 'virtual:mutua-modules';
import { createMutuaApp, MutuaApp } from '@mutua/web-kernel';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// Core routes + every composed module's routes, contributions and messages; providers are set up by MutuaApp.
const app = createMutuaApp({ modules, composition });

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');
createRoot(root).render(
  <StrictMode>
    <MutuaApp app={app} />
  </StrictMode>,
);
