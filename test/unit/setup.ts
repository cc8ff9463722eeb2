// Unit tests run in Node with an in-memory IndexedDB (environment 'node': under jsdom, a Blob read
// back from fake-indexeddb is an empty object).
import 'fake-indexeddb/auto';
