// Casebook's loader. It replaces Trunk's inline loader so the page's
// Content-Security-Policy needs no 'unsafe-inline'. It starts the wasm app (which
// hydrates the prerendered HTML), registers the service worker, and offers a reload
// when a new version is waiting. Plain JS on purpose: it must run before and without wasm.
const script = document.querySelector('script[data-wasm-bindgen-js]');

function showCrash(message) {
  const screen = document.getElementById('crash');
  const detail = document.getElementById('crash-detail');
  const reload = document.getElementById('crash-reload');
  if (detail) detail.textContent = String(message);
  if (reload) reload.setAttribute('href', location.href);
  if (screen) { screen.hidden = false; screen.focus(); }
}

async function start() {
  try {
    const bindings = await import(script.dataset.wasmBindgenJs);
    await bindings.default({ module_or_path: script.dataset.wasm });
    document.documentElement.dataset.hydratedAt = String(Math.round(performance.now()));
    document.documentElement.dataset.hydrated = 'true';
  } catch (error) {
    // A panic already shows the recovery screen from Rust; this catches load failures.
    console.error('Casebook failed to start:', error);
    showCrash(error);
  }
}

function offerUpdate(worker) {
  const banner = document.getElementById('update');
  const button = document.getElementById('update-reload');
  if (!banner || !button) return;
  banner.hidden = false;
  button.addEventListener('click', () => {
    button.disabled = true;
    worker.postMessage({ type: 'SKIP_WAITING' });
  }, { once: true });
}

async function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  try {
    const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    if (!registration) return; // registration blocked (e.g. by a test harness)
    const hadController = Boolean(navigator.serviceWorker.controller);
    let reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      // Reload once the new worker has taken over, but not on the very first install.
      if (hadController && !reloading) { reloading = true; location.reload(); }
    });
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      if (!installing) return;
      installing.addEventListener('statechange', () => {
        if (installing.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(installing);
      });
    });
  } catch (error) {
    console.warn('Casebook could not register its service worker; offline use is unavailable:', error);
  }
}

// The service worker precaches the whole app (every page, the importer's wasm) for
// offline use. It is registered once the app has started and the page is idle, so that
// download never competes with the first visit's own files.
function whenIdle(callback) {
  if ('requestIdleCallback' in window) requestIdleCallback(callback, { timeout: 5000 });
  else setTimeout(callback, 1000);
}

start().finally(() => whenIdle(registerServiceWorker));
