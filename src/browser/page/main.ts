// The demo page's script: mounts the demo into #app.
import { mountDemo } from '../index.js';

const root = document.getElementById('app');
if (root) mountDemo(root);
