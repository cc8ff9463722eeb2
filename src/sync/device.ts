/**
 * What lives on this device only and never in a shared document: the
 * memberships and their tokens, invites made here, real pupil names, photos
 * waiting to upload, settings and the storage estimate. Screens reach it
 * through this module (and documents through DocSession); src/store keeps it
 * in IndexedDB, and no screen imports src/store itself.
 */

export { onDatabaseVersionChange } from '../store/db.ts';
export { useLocalInvites, useMembership, useMemberships } from '../store/hooks.ts';
export {
  deleteLocalInvite,
  type LocalInvite,
  putLocalInvite,
} from '../store/localInvites.ts';
export { type LocalMembership, updateMembership } from '../store/memberships.ts';
export { PhotoError, type PhotoUploadState, usePhotoStatus } from '../store/photos.ts';
export {
  deletePupilName,
  type PupilNames,
  setPupilName,
  usePupilNames,
} from '../store/pupilNames.ts';
export { getSetting, setLanguage, setSetting } from '../store/settings.ts';
export { readStorageStatus, requestPersistentStorage } from '../store/storageStatus.ts';
