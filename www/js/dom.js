// Small DOM helpers (no state).

export const $ = (id) => document.getElementById(id);

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Sets a node's text only when it differs: writing the same text still makes the browser lay the
// page out again, and a lever move rewrites hundreds of texts of which most stay the same.
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

// The same for a property (an input's value, a class name).
export function setProperty(node, name, value) {
  if (node[name] !== value) node[name] = value;
}
