// The demo page's script: mounts the demo into #app.
import { mountDemo } from '../mount.js';
import { mountDemoWithServerState, serverStateOffered } from '../server-state.js';

const root = document.getElementById('app');
// With `totp-lab serve --state`, the server keeps the state too (it marks the page so).
// With `totp-lab serve --api`, room mode: the site talks to that service (room.ts).
if (root) {
  // Loaded only then: the page's own mode carries no code that talks to a server's API.
  if (document.querySelector('meta[name="totp-lab-room"]')?.getAttribute('content') === 'api')
    // Its own storage keys, so a room never mixes with the page's own demo in the same browser.
    void import('../room.js').then(async (room) =>
      mountDemo(root, { room: await room.joinRoom(), storageKey: 'totp-lab-room' }),
    );
  else if (serverStateOffered(document)) void mountDemoWithServerState(root);
  else mountDemo(root);
}
