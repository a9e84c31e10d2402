// The demo page's script: mounts the demo into #app.
import { mountDemo } from '../mount.js';
import { mountRoomDemo, roomOffered } from '../room.js';
import { mountDemoWithServerState, serverStateOffered } from '../server-state.js';

const root = document.getElementById('app');
// With `totp-lab serve --state`, the server keeps the state too (it marks the page so).
// With `totp-lab serve --api`, room mode: the site talks to that service (room.ts).
if (root) {
  if (roomOffered(document)) void mountRoomDemo(root);
  else if (serverStateOffered(document)) void mountDemoWithServerState(root);
  else mountDemo(root);
}
