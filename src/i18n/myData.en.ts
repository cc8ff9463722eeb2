import type { myDataNl } from './myData.nl.ts';

/** English texts of the "My data" screen (src/features/settings/MyDataPage.tsx). */
export const myDataEn: typeof myDataNl = {
  title: 'My data',
  intro:
    'What you do in Leskring is kept on this device and on your teams’ server. Here you take everything of yours with you, or delete your account.',
  link: 'My data: download it or delete your account',
  back: 'Back to settings',
  teams: 'Your teams on this device',
  noTeams: 'There are no teams on this device.',
  teamLine: '{{team}} — as {{name}}',
  export: {
    title: 'Download everything of mine',
    what: 'One file (JSON) with, per team: your name and role, what the server keeps about you (your sign-ins and the invites you made), your learning hours, the meetings you attended, the lessons you taught, every observation you recorded and your coaching tracks (as a coach, your preparation too). And this device’s settings.',
    never:
      'Never in the file: your access keys and pupils’ real names (those stay on the device they were typed on).',
    button: 'Download my data',
    busy: 'Collecting your data…',
    done: 'Your data was downloaded.',
    partial:
      'Downloaded, but the server did not answer for everything: without a connection, what the server keeps about you is missing.',
    failed: 'The download failed: {{reason}}',
  },
  delete: {
    title: 'Delete my account',
    goesTitle: 'What goes',
    goesName:
      'Your name, in every team: your colleagues see “Former member” where your name was, in old observations and hours too.',
    goesAccess:
      'Your access to every team, on all your devices, and the invites you made that are still open.',
    goesDevice:
      'Everything of Leskring on this device: teams, cycles, observations, photos, pupils’ real names and settings.',
    staysTitle: 'What stays',
    staysTeam:
      'The team documents you contributed to: your observations, plans, debriefs, meetings and hours stay with the team, under “Former member”, so your colleagues can carry on with their lesson study.',
    staysText:
      'Text you typed yourself stays as you wrote it: take names out of it first if you need to.',
    staysRemoved:
      'In teams you were already removed from, the server no longer recognises you: your name stays there with what you contributed.',
    offline:
      'Deleting needs a connection to the server: it has to forget your name and your access.',
    unsynced:
      'Careful: this device has changes the server does not have yet. Wait until everything is synced, or they will be lost.',
    button: 'Delete my account…',
    confirm_one:
      'Delete your account in {{count}} team and erase everything of Leskring on this device? This cannot be undone.',
    confirm_other:
      'Delete your account in {{count}} teams and erase everything of Leskring on this device? This cannot be undone.',
    confirmButton: 'Delete for good',
    busy: 'Deleting your account…',
    failed:
      'Not everything was deleted. These teams are still on this device; fix the problem and try again:',
    failedTeam: '{{team}}: {{reason}}',
    lastFacilitator:
      'you are the only facilitator. Give that role to a colleague first (on the team page), or remove the others from the team.',
  },
};
