import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rosterDocName, teamScopedDocName } from '../../src/model/docName.ts';
import { newDocId } from '../../src/model/ids.ts';
import { readRoster } from '../../src/model/roster.ts';
import { readTeam } from '../../src/model/teamDoc.ts';
import {
  createTeam,
  isSettled,
  newProvider,
  onCleanup,
  readStoredDoc,
  startTestServer,
  tempDir,
  waitFor,
} from './helpers.ts';
import { dependentUpdates, rawClient } from './rawClient.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'serverProcess.ts');

type ChildServer = { child: ChildProcess; url: string; wsUrl: string };

/** Spawns the real server as a child process (Node 24: process.execPath) and waits for its port. */
async function spawnServer(dataDir: string): Promise<ChildServer> {
  const child = spawn(process.execPath, [FIXTURE, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  onCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${stderr}`)));
  });
  return { child, url, wsUrl: `${url.replace(/^http/, 'ws')}/sync` };
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('durability: killing the server never loses an acknowledged event', () => {
  it('keeps data across a graceful restart', async () => {
    const first = await startTestServer();
    const owner = await createTeam(first.url);
    const name = teamScopedDocName(owner.teamId, newDocId());
    const writer = newProvider(first.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(writer)).toBe(true));
    writer.doc.getArray('events').push(['one', 'two']);
    await waitFor(() => expect(isSettled(writer)).toBe(true));
    writer.destroy();
    await first.stop();

    const second = await startTestServer({ dataDir: first.dataDir });
    const reader = newProvider(second.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(reader)).toBe(true));
    expect(reader.doc.getArray('events').toArray()).toEqual(['one', 'two']);
    const team = newProvider(second.wsUrl, { name: owner.teamId, token: owner.token });
    await waitFor(() => expect(isSettled(team)).toBe(true));
    expect(readTeam(team.doc).name).toBe(owner.teamName);
  });

  it('keeps every acknowledged update when the process is killed with SIGKILL right after the ack', async () => {
    const dataDir = await tempDir();
    const first = await spawnServer(dataDir);
    const owner = await createTeam(first.url);
    const name = teamScopedDocName(owner.teamId, newDocId());
    const writer = newProvider(first.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(writer)).toBe(true));

    const events = writer.doc.getArray<number>('events');
    for (let i = 0; i < 200; i++) events.push([i]);
    writer.doc.getMap('plan').set('goal', 'last edit before the crash');
    await waitFor(() => expect(writer.provider.unsyncedChanges).toBe(0), { interval: 1 });
    await killHard(first.child);
    writer.destroy();

    const second = await spawnServer(dataDir);
    const reader = newProvider(second.wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(reader)).toBe(true));
    expect(reader.doc.getArray('events').length).toBe(200);
    expect(reader.doc.getMap('plan').get('goal')).toBe('last edit before the crash');
    // The documents the server wrote itself survived as well.
    const team = newProvider(second.wsUrl, { name: owner.teamId, token: owner.token });
    const roster = newProvider(second.wsUrl, {
      name: rosterDocName(owner.teamId),
      token: owner.token,
    });
    await waitFor(() => expect(isSettled(team) && isSettled(roster)).toBe(true));
    expect(readTeam(team.doc).name).toBe(owner.teamName);
    expect(readRoster(roster.doc).members.map((m) => m.memberId)).toEqual([owner.memberId]);
  });

  it('does not acknowledge an update it could not store, and stores it once the disk recovers', async () => {
    let diskFull = false;
    const { url, wsUrl, server } = await startTestServer({ failWrites: () => diskFull });
    const owner = await createTeam(url);
    const name = teamScopedDocName(owner.teamId, newDocId());
    const writer = newProvider(wsUrl, { name, token: owner.token });
    await waitFor(() => expect(isSettled(writer)).toBe(true));

    diskFull = true;
    writer.doc.getMap('plan').set('goal', 'written while the disk was full');
    await waitFor(() => expect(writer.closeCodes).toContain(1011));
    // It keeps the edit as unsynced through reconnect attempts while the disk stays full.
    await waitFor(() =>
      expect(writer.closeCodes.filter((c) => c === 1011).length).toBeGreaterThan(1),
    );
    expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(readStoredDoc(server.dbPath, name).getMap('plan').get('goal')).toBeUndefined();

    diskFull = false;
    await waitFor(() => expect(isSettled(writer)).toBe(true));
    expect(readStoredDoc(server.dbPath, name).getMap('plan').get('goal')).toBe(
      'written while the disk was full',
    );
  });
  it('keeps an acknowledged update whose dependency the server lacks through SIGKILL, and completes it when the dependency arrives', async () => {
    const dataDir = await tempDir();
    const first = await spawnServer(dataDir);
    const owner = await createTeam(first.url);
    const name = teamScopedDocName(owner.teamId, newDocId());
    const { dependency, dependent } = dependentUpdates();

    const raw = await rawClient(first.wsUrl, name, owner.token);
    // Yjs keeps it aside (pendingStructs) and fires no update event; the ack must still mean stored.
    expect(await raw.sendUpdate(dependent)).toBe(true);
    await killHard(first.child);

    const second = await spawnServer(dataDir);
    const late = await rawClient(second.wsUrl, name, owner.token);
    expect(await late.sendUpdate(dependency)).toBe(true);
    const reader = newProvider(second.wsUrl, { name, token: owner.token });
    await waitFor(() =>
      expect(reader.doc.getText('note').toString()).toBe('Leerling B vraagt om hulp.'),
    );
  });
});
