// The one-file offline edition (scripts/build-offline.sh) carries its two WebAssembly modules and the
// Monte Carlo worker's code inside the HTML, as base64 in <script type="application/octet-stream">
// blocks, which never run. The served page has none of them and loads the files beside it.

function base64Bytes(text) {
  const binary = atob(text.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// What to give a wasm-bindgen init function: the embedded module's bytes, or nothing (fetch the file).
export function wasmSource(id) {
  const node = document.getElementById(id);
  return node ? { module_or_path: base64Bytes(node.textContent) } : undefined;
}

// The worker's script: a blob URL of the embedded code, or the served file.
function workerSource() {
  const node = document.getElementById('ygt-worker');
  if (!node) return { url: new URL('./worker.js', import.meta.url), options: { type: 'module' } };
  const code = new TextDecoder().decode(base64Bytes(node.textContent));
  return { url: URL.createObjectURL(new Blob([code], { type: 'text/javascript' })), options: {} };
}

// A worker with its own copy of the tools module (js/worker.js), for the Monte Carlo and the
// waterfall. In the offline edition it is first sent the module's bytes, decoded once per call of
// this function (the workers it starts share them).
export function startToolsWorkers(howMany) {
  const embedded = howMany > 0 ? wasmSource('ygt-tools-wasm') : undefined;
  return Array.from({ length: howMany }, () => {
    const source = workerSource();
    const worker = new Worker(source.url, source.options);
    if (embedded) worker.postMessage({ wasm: embedded.module_or_path });
    return worker;
  });
}
