import { cycleEn } from './cycle.en.ts';
import { describeEn } from './describe.en.ts';
import type { Messages } from './nl.ts';
import { observeEn } from './observe.en.ts';
import { photosEn } from './photos.en.ts';
import { planEn } from './plan.en.ts';
import { templatesUiEn } from './templatesUi.en.ts';
import { timelineEn } from './timeline.en.ts';

/** English messages; the type makes a missing or extra key a compile error. */
export const en: Messages = {
  app: {
    name: 'Leskring',
    tagline: 'Design, observe and reflect on lessons together',
    skipToContent: 'Skip to content',
    nav: { teams: 'Teams', settings: 'Settings', main: 'Main menu' },
    loading: 'Loading…',
    notFound: 'This page does not exist.',
    backHome: 'Go to your teams',
    update: {
      available: 'A new version of Leskring is available.',
      apply: 'Update now',
      later: 'Later',
      waitForSync:
        'You can update as soon as all your changes are on the server ({{count}} not yet confirmed).',
      offlineReady: 'Leskring now also works without internet.',
      dismiss: 'Dismiss',
    },
    otherTabUpgraded: 'Leskring was updated in another tab. Reload this page.',
    homeScreen: {
      title: 'Add Leskring to your Home Screen',
      why: 'Safari deletes everything Leskring keeps on this device, including observations not yet sent, when you have not opened Leskring for 7 days. From the Home Screen that does not happen.',
      steps: {
        share:
          'In Safari, tap the Share button: the square with the arrow pointing up, at the top right.',
        choose: 'Scroll down and choose ‘Add to Home Screen’.',
        add: 'Tap ‘Add’.',
        open: 'From now on, open Leskring with its icon on your Home Screen.',
      },
      dismiss: 'Got it',
      how: 'How do I add Leskring to my Home Screen?',
      unsynced_one:
        'Careful: {{count}} change is only on this device. Safari deletes it when you have not opened Leskring for 7 days. Connect to the internet to send it, and add Leskring to your Home Screen.',
      unsynced_other:
        'Careful: {{count}} changes are only on this device. Safari deletes them when you have not opened Leskring for 7 days. Connect to the internet to send them, and add Leskring to your Home Screen.',
    },
    storageProblem: {
      quota_one:
        'This device has no storage space left for Leskring: {{count}} change is not on this device yet. Keep this page open and free up space (see Settings); Leskring keeps trying.',
      quota_other:
        'This device has no storage space left for Leskring: {{count}} changes are not on this device yet. Keep this page open and free up space (see Settings); Leskring keeps trying.',
      other_one:
        'Saving on this device does not work right now ({{kind}}): {{count}} change exists only in this page. Keep this page open; Leskring keeps trying.',
      other_other:
        'Saving on this device does not work right now ({{kind}}): {{count}} changes exist only in this page. Keep this page open; Leskring keeps trying.',
    },
    reload: 'Reload',
    deviceSave: {
      saved: 'Saved on this device',
      saving: 'Saving on this device…',
      failed: 'Not saved on this device yet',
    },
  },
  connection: {
    label: 'Connection',
    online: 'Online',
    offline: 'Offline',
    connecting: 'Connecting…',
    syncing: 'Syncing',
    localOnly: 'Only on this device',
    denied: 'No access',
    refused: 'Change refused',
    busy: 'Waiting for the server',
    unsynced_one: '{{count}} change not yet on the server',
    unsynced_other: '{{count}} changes not yet on the server',
    allSaved: 'Everything is saved on the server',
    offlineHint: 'Just keep working; changes are sent as soon as the connection is back.',
  },
  common: {
    cancel: 'Cancel',
    save: 'Save',
    edit: 'Edit',
    close: 'Close',
    copy: 'Copy',
    copied: 'Copied',
    share: 'Share',
    confirm: 'Confirm',
    undo: 'Undo',
    you: 'you',
    required: 'Please fill this in.',
    tooLong: 'This is too long (at most {{max}} characters).',
  },
  roles: {
    teacher: 'Teacher',
    coach: 'Coach',
    facilitator: 'Facilitator',
    guest: 'Guest',
  },
  home: {
    title: 'Your teams',
    empty: {
      title: 'No team yet',
      body: 'A team is your lesson-study team or PLG. Create a team and invite your colleagues, or join one with an invite.',
    },
    lastOpened: 'Last opened {{date}}',
    pending: 'Not on the server yet: it will be registered as soon as there is a connection',
    removed: 'You were removed from this team',
    registrationFailed: 'Registering with the server failed: {{reason}}',
    accountDeleted:
      'Your account was deleted. Nothing of Leskring is left on this device; what you contributed stays with your teams, without your name.',
  },
  createTeam: {
    title: 'New team',
    teamName: 'Team name',
    teamNamePlaceholder: 'e.g. Lesson study maths year 4',
    displayName: 'Your name (visible to your team)',
    displayNamePlaceholder: 'e.g. Sanne de Vries',
    submit: 'Create team',
    offlineNote: 'This works offline too: the team is registered with the server later.',
  },
  join: {
    title: 'Join a team',
    codeLabel: 'Invite code',
    codePlaceholder: 'ABCDE-FGHJK',
    codeHint: 'Type the ten-character code, paste the invite link or scan the QR code.',
    invalidCode: 'This is not a valid code. A code has ten letters and digits, e.g. ABCDE-FGHJK.',
    scan: 'Scan QR code',
    displayName: 'Your name (visible to your team)',
    submit: 'Join',
    invitedTo: 'You are invited to {{team}} as {{role}}.',
    expires: 'The invite expires {{date}}.',
    checking: 'Checking the invite…',
    offline: 'Joining needs a connection to the server once. Try again when you are online.',
    alreadyMember: 'You are already a member of {{team}}.',
    openTeam: 'Open the team',
    success: 'Welcome to {{team}}!',
    retry: 'Try again',
    otherCode: 'Enter another code',
  },
  scanner: {
    title: 'Scan QR code',
    instructions: 'Point the camera at the QR code of the invite.',
    noCamera: 'The camera is not available. Type the code instead.',
    denied: 'No permission to use the camera. Allow it in your browser or type the code.',
    notAnInvite: 'This QR code is not a Leskring invite.',
    stop: 'Stop scanning',
  },
  team: {
    notFound: 'This team is not on this device.',
    yearLink: 'The PLG’s year: cycles, measures and learning hours',
    coachingLink: 'Coaching: prepare feedback conversations',
    name: 'Team name',
    rename: 'Rename',
    renamed: 'Team name changed.',
    readOnly: 'You are a guest: you can read along but not change anything.',
    removedNotice: 'You were removed from this team. What is on this device stays readable.',
    members: {
      erased: 'Former member {{number}}',
      title: 'Members',
      online: 'online',
      offline: 'not online',
      onlineNow_one: '{{count}} member online now',
      onlineNow_other: '{{count}} members online now',
      remove: 'Remove from team',
      removeConfirm:
        'Remove {{name}} from the team? {{name}} will no longer have access to the team’s data.',
      removed: '{{name}} was removed from the team.',
      changeRole: 'Role of {{name}}',
      empty: 'The member list appears once the team has synced with the server.',
    },
    invites: {
      title: 'Invite colleagues',
      role: 'Role of the new colleague',
      expiresIn: 'Valid for',
      days_one: '{{count}} day',
      days_other: '{{count}} days',
      singleUse: 'Can be used only once',
      create: 'Create invite',
      link: 'Invite link',
      code: 'Code',
      qrAlt: 'QR code with the invite link',
      expiresAt: 'Valid until {{date}}',
      active: 'Open invites',
      noneActive: 'No open invites.',
      revoke: 'Revoke',
      revokeConfirm:
        'Revoke this invite? Anyone who has not used the link yet can then no longer join with it.',
      revoked: 'Invite revoked.',
      used_one: 'used {{count}} time',
      used_other: 'used {{count}} times',
      offlineList:
        'Without a connection the server cannot show the open invites. They appear again once you are back online.',
      offline: 'Inviting needs a connection to the server.',
      pendingTeam: 'You can invite colleagues once the team is registered with the server.',
      shareText: 'Join our team {{team}} in Leskring: {{link}} (code {{code}})',
      notOnThisDevice: 'Code visible only on the device that created the invite',
    },
    leave: {
      button: 'Leave team',
      confirm:
        'Are you sure you want to leave {{team}}? The team’s data will be removed from this device.',
      done: 'You left the team.',
    },
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    languages: { nl: 'Nederlands', en: 'English' },
    storage: {
      title: 'Storage on this device',
      persisted: 'Persistent storage is granted: the browser will not clear your data on its own.',
      notPersisted:
        'Persistent storage is not granted (yet): the browser may clear data when space runs low.',
      unsupported: 'This browser does not tell whether storage is persistent.',
      request: 'Request persistent storage',
      usage: '{{used}} used of {{quota}} available',
      unknownUsage: 'How much space is used is unknown.',
      low: 'Warning: storage space is running low. Get online so everything is on the server, and free up space.',
    },
    install: {
      title: 'Install',
      button: 'Install Leskring on this device',
      installed: 'Leskring is installed as an app.',
      manual: 'Install from your browser’s menu: ‘Add to Home Screen’ or ‘Install app’.',
    },
    myData: {
      title: 'My data',
      body: 'Download everything that is yours, or delete your account.',
      link: 'Go to my data',
    },
    about: { title: 'About', version: 'Version {{version}}' },
  },
  errors: {
    api: {
      bad_request: 'The data is not valid.',
      payload_too_large: 'This is too large to send.',
      unauthorized: 'You are not (or no longer) signed in to this team.',
      forbidden: 'Your role in this team does not allow that.',
      not_found: 'Not found.',
      conflict: 'That conflicts with what is already on the server.',
      invite_invalid: 'This invite does not exist. Check the code.',
      invite_expired: 'This invite has expired. Ask a colleague for a new one.',
      invite_revoked: 'This invite was revoked or already used. Ask a colleague for a new one.',
      rate_limited: 'Too many attempts. Wait a minute and try again.',
      internal: 'Something went wrong on the server. Try again later.',
      not_an_image: 'This is not a photo: only JPEG, PNG and WebP images are kept.',
      team_limit_reached:
        'This server has reached its maximum number of teams. Ask the server’s administrator for room.',
      cycle_unknown:
        'The server does not know this cycle yet. The photo is sent once the cycle has synced.',
      storage_full:
        'The server’s disk is full; nothing was stored. Try again later or tell the server’s administrator.',
      quota_exceeded:
        'This team’s photo space on the server is full. A facilitator can make room by deleting an old cycle; the photo stays on this device.',
      network: 'No connection to the server.',
      bad_response: 'The server gave an unexpected answer.',
    },
    sync: {
      'token-missing': 'This device is not signed in to the team.',
      'token-invalid': 'Your access to this team was revoked.',
      'wrong-team': 'This sign-in belongs to another team.',
      'bad-document-name': 'This document does not exist.',
      'document-deleted': 'This cycle was deleted.',
      'document-unreadable':
        'The server cannot read this document safely, so it does not serve it. Your data on this device is kept; tell the server’s administrator.',
      'too-many-documents':
        'You have too many documents open at once. Close other tabs or devices and try again.',
      'quota-exceeded':
        'This team has the maximum number of documents on the server. A facilitator can make room by deleting an old cycle.',
      'not-in-track': 'This document belongs to a coaching track you are not part of.',
      'server-busy':
        'The server is too busy right now. Your changes stay on this device and are sent later.',
    },
    syncClosed: {
      'bad-update':
        'The server refused a change from this device because it cannot be read safely. The change stays on this device; tell the server’s administrator.',
      'update-too-large':
        'The server refused a change from this device because it is too large. The change stays on this device; tell the server’s administrator.',
      'document-too-large':
        'This document has reached its maximum size on the server, so your latest changes were not taken. They stay on this device; tell the server’s administrator.',
      'rate-limited':
        'This device sent too much at once. It reconnects by itself and sends your changes again.',
      'server-busy':
        'The server is too busy right now. Your changes stay on this device and are sent again shortly.',
    },
    import: {
      'not-json': 'This file is not an observation checklist: it is not a JSON file.',
      'wrong-format': 'This JSON file is not a Leskring observation checklist.',
      'unsupported-version':
        'This observation checklist comes from a newer version of Leskring. Update the app and try again.',
      'invalid-field': 'The observation checklist in this file is not valid: {{path}}.',
      'too-large': 'This file is too large for an observation checklist (1 MB at most).',
    },
    unexpected: 'Something went wrong. Your data is safely stored on this device.',
  },
  cycle: cycleEn,
  plan: planEn,
  templatesUi: templatesUiEn,
  observe: observeEn,
  describe: describeEn,
  timeline: timelineEn,
  photos: photosEn,
};
