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
  cycleDeletion: {
    title: 'Delete cycle',
    intro:
      'Only a facilitator can delete a cycle. It is then deleted for the whole team and cannot be undone.',
    button: 'Delete cycle…',
    dialogTitle: 'Delete ‘{{title}}’?',
    consequences:
      'The lesson plan, the case pupils and predictions, all runs with their observations and all photos of this cycle are deleted for the whole team: on the server and on your colleagues’ devices. This cannot be undone.',
    check: 'I understand that ‘{{title}}’ disappears for everyone and cannot be recovered',
    confirm: 'Delete for good',
    busy: 'Deleting…',
    offline: 'Deleting needs a connection to the server. Nothing was deleted.',
    forbidden: 'Only a facilitator of this team can delete a cycle. Nothing was deleted.',
    failed: 'Deleting did not work. Please try again.',
    done: '‘{{title}}’ was deleted.',
    deletedTitle: 'This cycle was deleted',
    deletedBody:
      'The cycle was deleted for the whole team, with its lesson plan, observations and photos. What this device held of it has been removed too.',
    deletedWhen: 'Deleted on {{date}}.',
    deletedByWhen: 'Deleted by {{name}} on {{date}}.',
  },
};
