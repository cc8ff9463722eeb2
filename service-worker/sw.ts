/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isWorkerMessage } from './messages.ts';

declare const self: ServiceWorkerGlobalScope;

// The app shell is precached so the app starts with the network off (issue 4, point 4).
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every navigation gets the precached index.html, except the server's own endpoints.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api\//, /^\/sync/, /^\/healthz/],
  }),
);

// A new version waits until the user accepts the update prompt; the page only
// offers it when nothing is left unsynced, so a reload never loses work.
self.addEventListener('message', (event) => {
  if (isWorkerMessage(event.data) && event.data.type === 'SKIP_WAITING') void self.skipWaiting();
});

clientsClaim();
