// The demo page's script: mounts the demo into #app.
import { mountDemo } from '../mount.js';
import { mountDemoWithServerState, serverStateOffered } from '../server-state.js';

const root = document.getElementById('app');
// With `totp-lab serve --state`, the server keeps the state too (it marks the page so).
if (root) {
  if (serverStateOffered(document)) void mountDemoWithServerState(root);
  else mountDemo(root);
}
