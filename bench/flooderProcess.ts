/**
 * Child-process entry for the flood benchmark: floods the sync server from
 * its own process (lib/flooder.ts), so the measuring process's event loop is
 * not the one kept busy. argv: <syncUrl> <documentName> <token> <perSecond>.
 * IPC: → { type: 'started' }; ← { type: 'stop' } → { type: 'stopped', sent, closes }.
 */
import { startFlooder } from './lib/flooder.ts';

const [syncUrl, documentName, token, perSecond] = process.argv.slice(2);
if (!syncUrl || !documentName || !token || !perSecond) {
  console.error('usage: flooderProcess.ts <syncUrl> <documentName> <token> <perSecond>');
  process.exit(2);
}
const flooder = startFlooder({ syncUrl, documentName, token, perSecond: Number(perSecond) });
process.on('message', async (message: { type: string }) => {
  if (message.type !== 'stop') return;
  const { sent, closes } = await flooder.stop();
  process.send?.({ type: 'stopped', sent, closes: [...closes] }, () => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'started' });
