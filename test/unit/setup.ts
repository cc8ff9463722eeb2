// Unit tests run in Node with an in-memory IndexedDB (see LIBRARY-NOTES §6: Blobs need environment 'node').
import 'fake-indexeddb/auto';
