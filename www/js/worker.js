// A Monte Carlo worker: runs its share of the draws in its own copy of the core, in chunks, saying how
// far it has come; the page merges the shares (draw i is the same whichever worker runs it). In the
// one-file offline edition the page first sends the tools module's bytes (there is no file to fetch).
import init, { uncertainty_draws } from '../pkg/ygt_tools.js';

let ready = null;

self.onmessage = async ({ data }) => {
  if (data.wasm) {
    ready = init({ module_or_path: data.wasm });
    return;
  }
  ready ??= init();
  await ready;
  const { text, seed, from, to, chunk } = data;
  const parts = [];
  for (let start = from; start < to; start += chunk) {
    const end = Math.min(to, start + chunk);
    parts.push(uncertainty_draws(text, BigInt(seed), BigInt(start), BigInt(end)));
    self.postMessage({ done: end - from });
  }
  self.postMessage({ parts });
};
