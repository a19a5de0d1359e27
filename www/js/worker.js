// A worker with its own copy of the tools module. For the Monte Carlo it runs its share of the draws in
// chunks, saying how far it has come; the page merges the shares (draw i is the same whichever worker
// runs it). For the Shapley waterfall (hundreds of runs) it answers `{ waterfall: [args] }` so the page
// stays responsive. In the one-file offline edition the page first sends the tools module's bytes.
import init, { uncertainty_draws, waterfall } from '../pkg/ygt_tools.js';

let ready = null;

self.onmessage = async ({ data }) => {
  if (data.wasm) {
    ready = init({ module_or_path: data.wasm });
    return;
  }
  ready ??= init();
  await ready;
  if (data.waterfall) {
    self.postMessage({ answer: waterfall(...data.waterfall) });
    return;
  }
  const { text, seed, from, to, chunk } = data;
  const parts = [];
  for (let start = from; start < to; start += chunk) {
    const end = Math.min(to, start + chunk);
    parts.push(uncertainty_draws(text, BigInt(seed), BigInt(start), BigInt(end)));
    self.postMessage({ done: end - from });
  }
  self.postMessage({ parts });
};
