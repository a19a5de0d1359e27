// The tools module: a second WebAssembly module (crate/src/web_tools.rs) with the spreadsheet template
// and import, the Monte Carlo draws and the analyses, loaded the first time one of them is used (or when
// the page is idle), so the page's first load carries none of it. The promise is kept on the state.
import { state } from './state.js';
import { wasmSource } from './embedded.js';

export function tools() {
  state.tools ??= import('../pkg/ygt_tools.js').then(async (module) => { await module.default(wasmSource('ygt-tools-wasm')); return module; });
  return state.tools;
}
