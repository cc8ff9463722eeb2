import type { Shape } from './nl.ts';
import type { photosNl } from './photos.nl.ts';

/** English texts of src/features/photos (photos of pupil work) and of deleting a cycle. */
export const photosEn: Shape<typeof photosNl> = {
  capture: {
    button: 'Take photo',
    busy: 'Processing photo…',
    notAnImage:
      'This file is not a photo. Take a photo with the camera or choose a JPEG, PNG or WebP image.',
    noSpace:
      'There is no space left on this device to keep the photo. Free up space and try again.',
    failed: 'The photo could not be saved. Please try again.',
  },
  status: {
    pending: 'Waiting for a connection',
    uploading: 'Uploading…',
    uploaded: 'On the server',
    failed: 'Refused: {{reason}}',
  },
  thumb: {
    open: 'View photo large: {{alt}}',
    loading: 'Loading photo…',
    notDownloaded: 'Not downloaded yet — needs a connection',
    unavailable: 'Photo not available yet',
  },
};
